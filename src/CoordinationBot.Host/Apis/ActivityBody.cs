using System.Text.Json;
using CoordinationBot.BotFramework.Schema;

namespace CoordinationBot.Host.Apis;

/// <summary>Reads an activity from a request body, bounded in size; malformed or incomplete JSON gives no activity.</summary>
public sealed record ActivityBody(Activity? Activity, bool TooLarge)
{
    public static async Task<ActivityBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return new(null, TooLarge: true);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new(null, TooLarge: true);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var json = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            var activity = LoneSurrogates.MayContain(json)
                ? JsonSerializer.Deserialize(LoneSurrogates.Replace(json), BotJsonContext.Default.Activity)
                : JsonSerializer.Deserialize(json, BotJsonContext.Default.Activity);
            return new(IsComplete(activity) ? activity : null, TooLarge: false);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return new(null, TooLarge: false);
        }
    }

    /// <summary>The least an activity needs to be handled and answered.</summary>
    private static bool IsComplete(Activity? activity) =>
        activity is not null
        && !string.IsNullOrWhiteSpace(activity.Type)
        && !string.IsNullOrWhiteSpace(activity.Conversation?.Id)
        && Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
        && (serviceUrl.Scheme == Uri.UriSchemeHttps || serviceUrl.Scheme == Uri.UriSchemeHttp);
}
