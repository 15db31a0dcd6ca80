namespace CoordinationBot.Core.StatusReports;

/// <summary>One agency's report on one task in one round (Báo cáo tiến độ).</summary>
public sealed record StatusReport(
    string RoundId,
    string Agency,
    string TaskId,
    ProgressStatus Status,
    int Percent,
    string Result,
    string Difficulties,
    string Proposals,
    string SubmittedBy,
    DateTimeOffset SubmittedAt)
{
    /// <summary>The number and date of the document that proves the result ("Kế hoạch số 123/KH-SKHCN ngày 05/3/2026"); empty when none.</summary>
    public string Evidence { get; init; } = string.Empty;

    /// <summary>Whether both say the same about the task, whoever sent them and whenever.</summary>
    public bool SaysTheSameAs(StatusReport other) =>
        other is not null && other.TaskId == TaskId && other.Status == Status && other.Percent == Percent &&
        other.Result == Result && other.Difficulties == Difficulties && other.Proposals == Proposals && other.Evidence == Evidence;

    /// <summary>
    /// The report with only text a Word report, a workbook or a card can hold: text is cleaned as it comes in, and again
    /// as it is read, so one report stored before (or around) that cleaning cannot break a whole consolidation.
    /// </summary>
    public StatusReport Readable() => this with
    {
        Result = Text.VietnameseText.Clean(Result),
        Difficulties = Text.VietnameseText.Clean(Difficulties),
        Proposals = Text.VietnameseText.Clean(Proposals),
        Evidence = Text.VietnameseText.Clean(Evidence),
        SubmittedBy = Text.VietnameseText.Clean(SubmittedBy),
    };
}

/// <summary>Tình trạng: Chưa triển khai / Đang thực hiện / Hoàn thành / Gặp vướng mắc.</summary>
public enum ProgressStatus
{
    NotStarted,
    InProgress,
    Done,
    Blocked,
}

/// <summary>A stored report and the version to send back when changing it.</summary>
public sealed record StoredReport(StatusReport Report, string ETag);

/// <summary>
/// A round and the version a report is saved against: a report saved for <see cref="Version"/> is stored only while the
/// round still is at that version (null: a round stored before rounds had versions, read afresh for every report).
/// </summary>
public sealed record StoredRound(ReportingRound Round, string? Version);
