using CoordinationBot.Core.Plans.Import;

namespace CoordinationBot.Cli.Commands;

public static class PlanProblems
{
    public static string Describe(PlanFileProblem problem) => problem switch
    {
        PlanFileProblem.Empty => "the file is empty",
        PlanFileProblem.TooLarge => "the file is larger than 10 MB",
        PlanFileProblem.UnsupportedType => "only .txt and .docx files are read",
        PlanFileProblem.Unreadable => "the file cannot be read as text (binary, damaged, or an unknown encoding)",
        PlanFileProblem.NotAPlan => "no plan found: no numbered tasks under sections I, II, III …",
        _ => "ok",
    };
}
