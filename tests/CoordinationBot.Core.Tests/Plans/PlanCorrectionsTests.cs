using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Corrections;

namespace CoordinationBot.Core.Tests.Plans;

public sealed class PlanCorrectionsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static Plan PlanOf(params PlanTask[] tasks) =>
        new("KH", "7/KH-UBND", "ỦY BAN NHÂN DÂN TỈNH", null, 2026, "Kế hoạch thử", [], "Sở Nội vụ", [], tasks, []);

    private static PlanTask Task(string id, params (string Agency, Role Role)[] assignments) =>
        new(id, "II", "Nhiệm vụ " + id, null, null, [.. assignments.Select(a => new Assignment(a.Agency, a.Role, AssignmentSource.Heading))]);

    private static PlanCorrection Correction(int sequence, string task, TaskChange change) =>
        new("7-kh-ubnd", sequence, task, change, "officer", "Cán bộ", "Sở Nội vụ", At);

    private static bool Known(string name) => AgencyRegistry.Default.FindExact(name) is not null;

    private static string Who(PlanTask task) => string.Join("; ", task.Assignments.Select(a => $"{a.Role}:{a.Agency}"));

    [Fact]
    public void ALeadAndSupportsAndDueSet_ReplaceWhatWasRead_AndKeepTheOtherRole()
    {
        var plan = PlanOf(Task("1", ("Sở Nội vụ", Role.Lead), ("Sở Tài chính", Role.Support)), Task("2", ("Sở Tư pháp", Role.Lead)));

        var corrected = PlanCorrections.Apply(plan, [
            Correction(1, "1", new TaskChange(Lead: ["Sở Y tế"])),
            Correction(2, "1", new TaskChange(Supports: ["Sở Tài chính", "Ban Quản lý các khu công nghiệp tỉnh"], Due: new DateOnly(2026, 6, 30))),
        ], Known);

        var task = corrected.Tasks[0];
        Assert.Equal("Lead:Sở Y tế; Support:Sở Tài chính; Support:Ban Quản lý các khu công nghiệp tỉnh", Who(task));
        Assert.Equal(AssignmentSource.Heading, task.Assignments[1].Source);
        Assert.Equal(AssignmentSource.Corrected, task.Assignments[0].Source);
        Assert.Equal(new DateOnly(2026, 6, 30), task.Due);
        Assert.Equal("30/06/2026", task.DueText);
        Assert.Equal("Lead:Sở Tư pháp", Who(corrected.Tasks[1]));
        Assert.Equal(["Ban Quản lý các khu công nghiệp tỉnh"], corrected.AgenciesToReview);
        Assert.Equal("Lead:Sở Nội vụ; Support:Sở Tài chính", Who(plan.Tasks[0]));
    }

    [Fact]
    public void ALineMarkedNotATask_LeavesTheTasks_UntilALaterCorrectionPutsItBack()
    {
        var plan = PlanOf(Task("1", ("Sở Nội vụ", Role.Lead)), Task("2", ("Sở Tư pháp", Role.Lead)));
        var removed = Correction(1, "2", new TaskChange(NotATask: true));

        Assert.Equal(["1"], PlanCorrections.Apply(plan, [removed], Known).Tasks.Select(t => t.Id));
        Assert.Equal(["1", "2"], PlanCorrections.Apply(plan, [removed, Correction(2, "2", new TaskChange(NotATask: false))], Known).Tasks.Select(t => t.Id));
    }

    [Fact]
    public void ACorrectionOfATaskANewVersionDoesNotHave_IsNotCarried_AndTheRestIs()
    {
        var version2 = PlanOf(Task("1", ("Sở Nội vụ", Role.Lead)), Task("3", ("Sở Công Thương", Role.Lead)));
        IReadOnlyList<PlanCorrection> corrections = [Correction(1, "1", new TaskChange(Lead: ["Sở Y tế"])), Correction(2, "2", new TaskChange(Lead: ["Sở Tư pháp"]))];

        var corrected = PlanCorrections.Apply(version2, corrections, Known);

        Assert.Equal("Lead:Sở Y tế", Who(corrected.Tasks[0]));
        Assert.Equal("Lead:Sở Công Thương", Who(corrected.Tasks[1]));
        Assert.Equal(["2"], PlanCorrections.NotCarried(version2, corrections));
    }
}
