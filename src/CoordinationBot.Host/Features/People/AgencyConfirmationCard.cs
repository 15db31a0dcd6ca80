using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.People;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.People;

/// <summary>The focal agency's list of officers who picked their agency themselves, each with a button to confirm it.</summary>
public static class AgencyConfirmationCard
{
    public const string Verb = "directory.confirm";
    public const string UserField = "user";
    public const string AgencyField = "agency";
    public const int MaxShown = 50;

    public static JsonObject Create(IReadOnlyList<(string AadObjectId, AgencyChoice Choice)> pending, CultureInfo culture, string? note)
    {
        ArgumentNullException.ThrowIfNull(pending);
        string T(string name) => BotText.Get(name, culture);
        var body = new JsonArray { AdaptiveCard.TextBlock(T("ConfirmTitle"), heading: true) };
        if (note is not null)
        {
            body.Add(AdaptiveCard.PlainText((note, false)));
        }

        if (pending.Count == 0)
        {
            body.Add(AdaptiveCard.TextBlock(T("ConfirmNone")));
            return AdaptiveCard.Create(body);
        }

        body.Add(AdaptiveCard.TextBlock(T("ConfirmHint"), subtle: true));
        foreach (var (user, choice) in pending.Take(MaxShown))
        {
            var data = new JsonObject { [UserField] = user, [AgencyField] = choice.Agency };
            body.Add(new JsonObject
            {
                ["type"] = "ColumnSet",
                ["columns"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["type"] = "Column",
                        ["width"] = "stretch",
                        ["items"] = new JsonArray { AdaptiveCard.PlainText((choice.UserName ?? user, true), ($" — {choice.Agency}", false)) },
                    },
                    new JsonObject
                    {
                        ["type"] = "Column",
                        ["width"] = "auto",
                        ["items"] = new JsonArray
                        {
                            new JsonObject
                            {
                                ["type"] = "ActionSet",
                                ["actions"] = new JsonArray
                                {
                                    AdaptiveCard.Execute(T("ConfirmAction"), Verb, data),
                                },
                            },
                        },
                    },
                },
            });
        }

        return AdaptiveCard.Create(body);
    }
}
