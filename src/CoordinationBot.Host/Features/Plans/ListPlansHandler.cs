using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Questions;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>"có những kế hoạch nào?": the plans in the registry, newest first, each with its issuer, focal agency and task count.</summary>
public sealed class ListPlansHandler(PlanCatalogSource catalogs, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    private const int MaxPlans = 20;

    public ActivityRoute Route { get; } = new(ActivityTypes.Message, CommandCatalog.ListPlans);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var catalog = await catalogs.GetAsync(cancellationToken);
        if (catalog.Plans.Count == 0)
        {
            await turn.ReplyAsync(BotText.Get("PlansNone", culture), cancellationToken);
            return null;
        }

        var plans = catalog.Plans.OrderByDescending(p => p.Plan.IssuedOn).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var body = new JsonArray { AdaptiveCard.TextBlock(string.Format(culture, BotText.Get("PlansTitle", culture), plans.Count), heading: true) };
        var lines = new List<string>();
        foreach (var stored in plans.Take(MaxPlans))
        {
            var plan = stored.Plan;
            var line = string.Format(
                culture,
                BotText.Get("PlansLine", culture),
                PlanKind.Label(plan),
                plan.Title,
                plan.Issuer ?? "…",
                plan.IssuedOn?.ToVietnameseDate() ?? "…",
                plan.FocalAgency ?? BotText.Get("PlansNoFocal", culture),
                plan.Tasks.Count);
            lines.Add(line);
            body.Add(new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = new JsonArray { AdaptiveCard.PlainText((line, false)) } });
        }

        if (plans.Count > MaxPlans)
        {
            body.Add(AdaptiveCard.TextBlock(string.Format(culture, BotText.Get("PlansMore", culture), plans.Count - MaxPlans), subtle: true));
        }

        await turn.ReplyWithCardAsync(AdaptiveCard.Create(body), string.Join("\n", lines), cancellationToken);
        return null;
    }
}
