using CoordinationBot.Core.Plans.Import;

namespace CoordinationBot.Cli.Commands;

public static class PlanProblems
{
    public static string Describe(PlanFileProblem problem) => problem switch
    {
        PlanFileProblem.Empty => "the file is empty",
        PlanFileProblem.TooLarge => "the file is larger than 10 MB",
        PlanFileProblem.UnsupportedType => "only .txt, .md, .docx, .xlsx and .pdf files are read",
        PlanFileProblem.Unreadable => "the file cannot be read as text (binary, damaged, or an unknown encoding)",
        PlanFileProblem.NotAPlan => "no plan found: no numbered tasks under sections I, II, III …",
        PlanFileProblem.TooLargeUnpacked => "the file unpacks to more than 64 MB (or has too many parts or pages)",
        PlanFileProblem.Scanned => "the PDF is a scan: it has no text to read",
        PlanFileProblem.LegacyWord => "a .doc (Word 97-2003) file: save it as .docx",
        PlanFileProblem.Protected => "the PDF is password-protected",
        PlanFileProblem.AttachedPlanMissing => "an assignment table of a plan that is not stored: import the plan first",
        _ => "ok",
    };
}
