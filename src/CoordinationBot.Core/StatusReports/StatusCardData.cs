using CoordinationBot.Core.Plans;

namespace CoordinationBot.Core.StatusReports;

/// <summary>What a status card shows: the round, the agency, its tasks with its role, what was saved, and a note.</summary>
public sealed record StatusCardData(
    ReportingRound Round,
    string PlanLabel,
    string Agency,
    IReadOnlyList<(PlanTask Task, Role Role)> Tasks,
    IReadOnlyDictionary<string, StoredReport> Saved,
    bool Editable,
    string? Note = null,
    bool NoteIsWarning = false,
    ReportReturn? Returned = null,
    IReadOnlyDictionary<string, TaskContributions>? Contributions = null,
    IReadOnlyDictionary<string, StatusEntry>? Filled = null,
    StatusDraft? Draft = null);
