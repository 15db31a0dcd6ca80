using System.Text.Json.Serialization;
using CoordinationBot.Core.Plans;

namespace CoordinationBot.Cli.Commands;

/// <summary>The extraction contract of <c>plans extract --json</c> (see shared/tools/score_extraction.py), with extra fields.</summary>
public sealed record PlanJson(PlanFactsJson Plan, IReadOnlyList<TaskJson> Tasks)
{
    public static PlanJson From(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var reporting = plan.Reporting
            .SelectMany(rule => rule.Dues.Count == 0
                ? [new ReportingJson(null, Cadence(rule.Cadence), rule.To, rule.Via, rule.Text)]
                : rule.Dues.Select(due => new ReportingJson(Date(due), Cadence(rule.Cadence), rule.To, rule.Via, rule.Text)))
            .ToList();
        var facts = new PlanFactsJson(
            plan.Kind, plan.Number, plan.Issuer, Date(plan.IssuedOn), plan.Year, plan.Title, plan.FocalAgency,
            plan.Implements.Select(r => new ImplementsJson(r.Number, Date(r.Date))).ToList(), reporting, plan.AgenciesToReview);
        var tasks = plan.Tasks.Select(task => new TaskJson(
            task.Id, task.SectionTitle, task.Text, Date(task.Due), task.DueText, task.AssignedInAttachment,
            task.Assignments.Select(a => new AssignmentJson(a.Agency, a.Role == Role.Lead ? "lead" : "support", a.Source.ToString().ToLowerInvariant(), a.Requested)).ToList())).ToList();
        return new PlanJson(facts, tasks);
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Cadence(ReportingCadence cadence) => cadence switch
    {
        ReportingCadence.Semiannual => "semiannual",
        ReportingCadence.Monthly => "monthly",
        ReportingCadence.Annual => "annual",
        ReportingCadence.Quarterly => "quarterly",
        ReportingCadence.AdHoc => "adhoc",
        ReportingCadence.Once => "once",
        _ => "unspecified",
    };
}

public sealed record PlanFactsJson(
    string Kind, string? Number, string? Issuer, string? IssuedOn, int? Year, string Title, string? FocalAgency,
    IReadOnlyList<ImplementsJson> Implements, IReadOnlyList<ReportingJson> Reporting, IReadOnlyList<string> AgenciesToReview);

public sealed record ImplementsJson(string Number, string? Date);

public sealed record ReportingJson(string? Due, string Cadence, string? To, string? Via, string Text);

public sealed record TaskJson(string Id, string Section, string Text, string? Due, string? DueText, bool AssignedInAttachment, IReadOnlyList<AssignmentJson> Assignments);

public sealed record AssignmentJson(string Agency, string Role, string Source, bool Requested);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PlanJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
