using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Tests.Plans;

public sealed class PlanReportersTests
{
    private readonly PlanReporters reporters = new(AgencyRegistry.Default);

    private static Plan PlanOf(params PlanTask[] tasks) =>
        new("KH", "7/KH-UBND", "ỦY BAN NHÂN DÂN TỈNH", null, 2026, "Kế hoạch thử", [], "Sở Nội vụ", [], tasks, []);

    private static PlanTask Task(string id, params (string Agency, Role Role)[] assignments) =>
        new(id, "II", "Nhiệm vụ " + id, null, null, [.. assignments.Select(a => new Assignment(a.Agency, a.Role, AssignmentSource.Named))]);

    [Fact]
    public void AGroupOfDepartments_IsExpectedAsEachDepartment_NotAsOneName_AndEachOnlyOnce()
    {
        var plan = PlanOf(
            Task("1", ("Sở Nội vụ", Role.Lead), ("Các sở, ban, ngành", Role.Support)),
            Task("2", ("Sở Tư pháp", Role.Lead)));

        var expected = reporters.Expected(plan);

        Assert.DoesNotContain("Các sở, ban, ngành", expected);
        Assert.Equal(["Sở Nội vụ", "Sở Tư pháp"], expected.Take(2));
        Assert.Contains("Sở Y tế", expected);
        Assert.Contains("Công an tỉnh", expected);
        Assert.Single(expected, e => e == "Sở Nội vụ");
        Assert.Single(expected, e => e == "Sở Tư pháp");
        // Merged-away departments, party committees and the People's Committee itself are no "sở, ban, ngành".
        Assert.DoesNotContain("Sở Thông tin và Truyền thông", expected);
        Assert.DoesNotContain("Ban Thường vụ Tỉnh ủy", expected);
        Assert.DoesNotContain("Ủy ban nhân dân tỉnh", expected);
    }

    [Fact]
    public void ADepartmentCoveredOnlyByTheGroup_ReportsTheGroupsTasks_UnderItsOwnName_WithTheGroupsRole()
    {
        var plan = PlanOf(
            Task("1", ("Sở Nội vụ", Role.Lead), ("Các sở, ban, ngành", Role.Support)),
            Task("2", ("Sở Tư pháp", Role.Lead)),
            Task("3", ("Sở Tư pháp", Role.Support), ("Các sở, ban, ngành", Role.Lead)));

        Assert.Equal(["Sở Y tế"], reporters.NamesOf(plan, "Sở Y tế"));
        Assert.Equal([("1", Role.Support), ("3", Role.Lead)], reporters.TasksOf(plan, "Sở Y tế").Select(t => (t.Task.Id, t.Role)));
        // Named itself, its own role comes first; the group adds task 1.
        Assert.Equal([("1", Role.Support), ("2", Role.Lead), ("3", Role.Support)], reporters.TasksOf(plan, "Sở Tư pháp").Select(t => (t.Task.Id, t.Role)));
        Assert.Empty(reporters.NamesOf(plan, "Ủy ban nhân dân xã Kim Bình"));
        Assert.Empty(reporters.TasksOf(plan, "Bộ Tư pháp"));
    }

    [Fact]
    public void AnswersKeptForOnePlan_AreNotAnotherPlansAnswers_EvenOfAnEqualPlanCorrectedSince()
    {
        var plan = PlanOf(Task("1", ("Sở Tư pháp", Role.Lead)), Task("2", ("Sở Y tế", Role.Lead)));
        Assert.Equal(["1"], reporters.TasksOf(plan, "Sở Tư pháp").Select(t => t.Task.Id));
        Assert.Empty(reporters.NamesOf(plan, "Sở Nội vụ"));

        var corrected = plan with { Tasks = [Task("1", ("Sở Tư pháp", Role.Lead)), Task("2", ("Sở Tư pháp", Role.Support), ("Sở Nội vụ", Role.Lead))] };

        Assert.Equal(["1", "2"], reporters.TasksOf(corrected, "Sở Tư pháp").Select(t => t.Task.Id));
        Assert.Equal(["Sở Nội vụ"], reporters.NamesOf(corrected, "Sở Nội vụ"));
        Assert.Equal(["1"], reporters.TasksOf(plan, "Sở Tư pháp").Select(t => t.Task.Id));
        Assert.Same(reporters.TasksOf(plan, "Sở Tư pháp"), reporters.TasksOf(plan, "Sở Tư pháp"));
    }

    [Fact]
    public void AGroupTheRegistryHasNoMembersOf_StaysOneCollective_ReachedAndReportedThroughAnyMember()
    {
        var plan = PlanOf(Task("1", ("Sở Nội vụ", Role.Lead), ("Ủy ban nhân dân các xã, phường", Role.Support)));

        var expected = reporters.Expected(plan);

        Assert.Equal(["Sở Nội vụ", "Ủy ban nhân dân các xã, phường"], expected);
        Assert.Equal("Ủy ban nhân dân xã Kim Bình", reporters.ReporterAmong(expected, "Ủy ban nhân dân xã Kim Bình"));
        Assert.Null(reporters.ReporterAmong(expected, "Sở Y tế"));
        Assert.Equal(["Ủy ban nhân dân các xã, phường"], RoundProgress.Missing(expected, ["Sở Nội vụ"], AgencyRegistry.Default));
        Assert.Empty(RoundProgress.Missing(expected, ["Sở Nội vụ", "Ủy ban nhân dân xã Kim Bình"], AgencyRegistry.Default));
    }

    [Fact]
    public void TheReportersOfAGroupAssignment_AreTheExpectedMembers()
    {
        var plan = PlanOf(Task("1", ("Sở Nội vụ", Role.Lead), ("Các bộ, ngành Trung ương", Role.Support)));
        var expected = reporters.Expected(plan);
        var support = plan.Tasks[0].Assignments[1];

        var of = reporters.ReportersOf(support, expected);

        Assert.Contains("Bộ Tư pháp", of);
        Assert.Contains("Bộ Tài chính", of);
        Assert.DoesNotContain("Sở Nội vụ", of);
        Assert.DoesNotContain("Bộ Kế hoạch và Đầu tư", of);
        Assert.Equal(["Sở Nội vụ"], reporters.ReportersOf(plan.Tasks[0].Assignments[0], expected));
    }
}
