using System.Text.Json;
using System.Text.RegularExpressions;

namespace CoordinationBot.BotFramework.Schema;

/// <summary>Reading and answering activities the way Teams shapes them.</summary>
public static partial class ActivityExtensions
{
    /// <summary>The tenant: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</summary>
    public static string? GetTenantId(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation?.TenantId ?? activity.GetChannelData()?.Tenant?.Id;
    }

    public static TeamsChannelData? GetChannelData(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is null)
        {
            return null;
        }

        try
        {
            return activity.ChannelData.Deserialize(BotJsonContext.Default.TeamsChannelData);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The message text without the bot's @mention (<c>&lt;at&gt;Bot&lt;/at&gt;</c>) and surrounding spaces.</summary>
    public static string GetTextWithoutMentions(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        return MentionTag().Replace(text, " ").Trim();
    }

    /// <summary>A message into the same conversation, from the bot to the sender, threaded under the incoming activity.</summary>
    public static Activity CreateReply(this Activity activity, string? text = null, IReadOnlyList<Attachment>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = activity.ChannelId,
            ServiceUrl = activity.ServiceUrl,
            Conversation = activity.Conversation,
            From = activity.Recipient,
            Recipient = activity.From,
            ReplyToId = activity.Id,
            Text = text,
            TextFormat = text is null ? null : "plain",
            Locale = activity.Locale,
            Attachments = attachments,
        };
    }

    /// <summary>The first file the user attached (Teams file download info), with its name.</summary>
    public static (FileDownloadInfo Info, string Name)? GetFile(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var attachment = activity.Attachments?.FirstOrDefault(a => a.ContentType == FileDownloadInfo.ContentType && a.Content is System.Text.Json.Nodes.JsonObject);
        if (attachment is null)
        {
            return null;
        }

        try
        {
            var info = attachment.Content.Deserialize(BotJsonContext.Default.FileDownloadInfo);
            return info?.DownloadUrl is null ? null : (info, attachment.Name ?? "tep-dinh-kem");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The verb of an Adaptive Card action: <c>value.action.verb</c> of an <c>adaptiveCard/action</c> invoke, or
    /// <c>value.verb</c> of an Action.Submit message. The rest of the card's data is for the handler to check.
    /// </summary>
    public static string? GetCardVerb(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not System.Text.Json.Nodes.JsonObject value)
        {
            return null;
        }

        // Card data is never trusted: "action" may be a string, an array or anything else.
        var verb = activity.Type == ActivityTypes.Invoke && activity.Name == "adaptiveCard/action"
            ? (value["action"] as System.Text.Json.Nodes.JsonObject)?["verb"]
            : activity.Type == ActivityTypes.Message ? value["verb"] : null;
        return verb is System.Text.Json.Nodes.JsonValue text && text.TryGetValue<string>(out var name) && name.Length is > 0 and <= 64 ? name : null;
    }

    /// <summary>The card's data: <c>value.action.data</c> of an invoke, or <c>value</c> of a Submit.</summary>
    public static System.Text.Json.Nodes.JsonObject? GetCardData(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var value = activity.Value as System.Text.Json.Nodes.JsonObject;
        return activity.Type == ActivityTypes.Invoke
            ? (value?["action"] as System.Text.Json.Nodes.JsonObject)?["data"] as System.Text.Json.Nodes.JsonObject
            : value;
    }

    /// <summary>A string field of the card's data (an input's value, or data the card carried), or null.</summary>
    public static string? GetCardString(this Activity activity, string name) =>
        activity.GetCardData()?[name] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex MentionTag();
}
