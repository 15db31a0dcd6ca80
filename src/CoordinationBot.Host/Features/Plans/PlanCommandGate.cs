using System.Globalization;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.People;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Questions;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>
/// Before a focal agency's command acts on a plan: the plan the words name, never a guess (an unknown reference is
/// refused by name, an ambiguous one asked back, each with the closest plans as buttons), and the sender's right to run
/// that plan's reporting (<see cref="PlanRights"/>), checked here on the server.
/// </summary>
public sealed class PlanCommandGate(AskerAgencyResolver askers, AgencyRegistry registry, CoordinationBot.Core.Plans.PlanReporters reporters, IOptions<PlanImportOptions> options, TimeProvider time)
{
    /// <summary>
    /// The plan the command names and the sender may run; otherwise the sender is told why, and null. The plan is read
    /// from <c>text</c> when given (the message without words that are not the plan's, such as a task's number).
    /// </summary>
    public async Task<StoredPlan?> ResolveAsync(TurnContext turn, PlanCatalog catalog, string command, CultureInfo culture, CancellationToken cancellationToken, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(catalog);
        text ??= turn.Activity.GetTextWithoutMentions() ?? string.Empty;
        var named = PlanFinder.AfterCommand(text, CommandCatalog.Default.Commands.First(c => c.Name == command).Phrases);
        var match = PlanFinder.Find(catalog, named);
        if (match.Kind != PlanMatchKind.Found)
        {
            await ReplyChoicesAsync(turn, match, command, match.NamedNumber ?? (named.Length == 0 ? "…" : VietnameseText.Shorten(named, 80)), Extras(text, command), culture, cancellationToken);
            return null;
        }

        return await MayManageAsync(turn, match.Plan!.Plan, command, culture, cancellationToken) ? match.Plan : null;
    }

    /// <summary>The plans whose reporting the sender may run (what the open-round form offers).</summary>
    public async Task<PlanCatalog> ManageableAsync(TurnContext turn, PlanCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(catalog);
        var mayManage = await ManagerAsync(turn, cancellationToken);
        var mine = catalog.Plans.Where(p => mayManage(p.Plan)).ToList();
        return mine.Count == catalog.Plans.Count ? catalog : new PlanCatalog(mine);
    }

    /// <summary>Whether the sender may run a plan's reporting, the sender's agency read once for any number of plans.</summary>
    public async Task<Func<Plan, bool>> ManagerAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var aadObjectId = turn.Activity.From?.AadObjectId;
        var agency = await AgencyOfAsync(turn, cancellationToken);
        return plan => Allowed(aadObjectId, plan, agency);
    }

    /// <summary>
    /// Which officers' picks of agency the sender may confirm (a pick confirmed gives that agency's rights): an
    /// administrator any; the officers of a plan's focal agency those of the agencies their plans assign. Null: none.
    /// </summary>
    public async Task<Func<string, bool>?> ConfirmerAsync(TurnContext turn, PlanCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(catalog);
        if (options.Value.IsAdministrator(turn.Activity.From?.AadObjectId))
        {
            return _ => true;
        }

        if (await AgencyOfAsync(turn, cancellationToken) is not { } mine)
        {
            return null;
        }

        var run = catalog.Plans.Where(p => p.Plan.FocalAgency is { } focal && registry.SameAgency(mine, focal)).ToList();
        return run.Count == 0 ? null : agency => run.Any(p => reporters.NamesOf(p.Plan, agency).Count > 0);
    }

    /// <summary>Whether the sender may run this plan's reporting; when not, they are told who may.</summary>
    public async Task<bool> MayManageAsync(TurnContext turn, Plan plan, string command, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(plan);
        if (await RefusalAsync(turn, plan, command, culture, cancellationToken) is not { } refusal)
        {
            return true;
        }

        await turn.ReplyAsync(refusal, cancellationToken);
        return false;
    }

    /// <summary>The refusal to show in place of a card, or null when the sender may run the plan.</summary>
    public async Task<string?> RefusalAsync(TurnContext turn, Plan plan, string command, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(plan);
        return (await ManagerAsync(turn, cancellationToken))(plan) ? null : Refusal(plan, command, culture);
    }

    /// <summary>The sender's confirmed agency and whether they are an administrator, for a core handler that checks the rights itself.</summary>
    public async Task<(string? Agency, bool Administrator)> SenderAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var administrator = options.Value.IsAdministrator(turn.Activity.From?.AadObjectId);
        return (administrator ? null : (await askers.ResolveAsync(turn.Activity.From?.AadObjectId, cancellationToken)).ConfirmedAgency, administrator);
    }

    private bool Allowed(string? aadObjectId, Plan plan, string? agency) =>
        PlanRights.MayManage(plan, agency, options.Value.IsAdministrator(aadObjectId), registry);

    private async Task<string?> AgencyOfAsync(TurnContext turn, CancellationToken cancellationToken) =>
        options.Value.IsAdministrator(turn.Activity.From?.AadObjectId) ? null : (await askers.ResolveAsync(turn.Activity.From?.AadObjectId, cancellationToken)).ConfirmedAgency;

    private static string Refusal(Plan plan, string command, CultureInfo culture) =>
        plan.FocalAgency is { } focal
            ? string.Format(culture, BotText.Get("Plan_NotAllowed", culture), PlanKind.Label(plan), focal, BotText.Get("Verb_" + command, culture))
            : string.Format(culture, BotText.Get("Plan_NoFocal", culture), PlanKind.Label(plan), BotText.Get("Verb_" + command, culture));

    private static async Task ReplyChoicesAsync(TurnContext turn, PlanMatch match, string command, string named, string extras, CultureInfo culture, CancellationToken cancellationToken)
    {
        var message = string.Format(culture, BotText.Get(match.Kind == PlanMatchKind.Ambiguous ? "Plan_Ambiguous" : match.Candidates.Count > 0 ? "Plan_NotFound" : "Plan_NoneImported", culture), named);
        if (match.Candidates.Count == 0)
        {
            await turn.ReplyAsync(message, cancellationToken);
            return;
        }

        var phrase = CommandCatalog.Default.Commands.First(c => c.Name == command).Phrases[0];
        var choices = match.Candidates.Take(5).Select(c => (VietnameseText.Shorten(PlanKind.Label(c.Plan), 80), $"{phrase} {PlanKind.Name(c.Plan.Kind).ToLower(culture)} {c.Plan.Number ?? c.Plan.Title}{extras}"));
        await turn.ReplyWithCardAsync(PlanChoiceCard.Create(message, choices), message, cancellationToken);
    }

    /// <summary>The period and due date the sender gave, spelled so that the command reads them again.</summary>
    private string Extras(string text, string command)
    {
        var today = time.Today();
        var extras = ReportingPeriod.Parse(VietnameseText.Fold(text), today) is { } period ? " " + period.CommandText : string.Empty;
        if (command is CommandCatalog.OpenRound or CommandCatalog.ExtendRound && DateReader.ReadAll(text, today.Year).LastOrDefault() is var due && due != default)
        {
            extras += " hạn " + due.ToVietnameseDate();
        }

        return extras;
    }
}
