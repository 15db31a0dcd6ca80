namespace CoordinationBot.Core.Plans.Import;

/// <summary>Port: the text of a plan file (.txt in any of the usual encodings, .docx with its tables as pipe rows).</summary>
public interface IPlanDocumentReader
{
    PlanDocumentText Read(ReadOnlySpan<byte> content, string fileName);
}

/// <summary>The text, or why there is none.</summary>
public sealed record PlanDocumentText(string? Text, PlanFileProblem Problem)
{
    public static PlanDocumentText Of(string text) => new(text, PlanFileProblem.None);

    public static PlanDocumentText Failed(PlanFileProblem problem) => new(null, problem);
}

public enum PlanFileProblem
{
    None,
    Empty,
    TooLarge,
    UnsupportedType,
    Unreadable,
    NotAPlan,
    TooLargeUnpacked,
    Scanned,
    LegacyWord,
    Protected,
    AttachedPlanMissing,
}
