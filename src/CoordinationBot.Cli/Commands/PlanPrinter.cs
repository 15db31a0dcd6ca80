using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Cli.Commands;

/// <summary>A plan as readable text: facts, reporting rules, then each task with who does it.</summary>
public static class PlanPrinter
{
    public static void Print(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Console.WriteLine($"{plan.Kind} {plan.Number ?? "(chưa có số)"} — {plan.Title}");
        Console.WriteLine($"Năm: {plan.Year}; ngày ban hành: {Date(plan.IssuedOn)}; cơ quan đầu mối: {plan.FocalAgency ?? "-"}");
        foreach (var reference in plan.Implements)
        {
            Console.WriteLine($"Căn cứ/thực hiện: {reference.Number} {Date(reference.Date)}");
        }

        foreach (var rule in plan.Reporting)
        {
            Console.WriteLine($"Báo cáo: {rule.Cadence}; hạn: {string.Join(", ", rule.Dues.Select(d => Date(d)))}; gửi: {rule.To ?? "-"}; qua: {rule.Via ?? "-"}");
        }

        foreach (var agency in plan.AgenciesToReview)
        {
            Console.WriteLine($"Cơ quan cần rà soát: {agency}");
        }

        foreach (var task in plan.Tasks)
        {
            var who = string.Join("; ", task.Assignments.Select(a => $"{(a.Role == Role.Lead ? "chủ trì" : "phối hợp")}: {a.Agency}"));
            Console.WriteLine($"[{task.Id}] {(task.Text.Length <= 110 ? task.Text : task.Text[..107] + "…")}");
            var assigned = who.Length > 0 ? who : task.AssignedInAttachment ? "(phân công trong biểu kèm theo)" : "(không nêu cơ quan)";
            Console.WriteLine($"    {assigned}{(task.DueText is null ? string.Empty : " — hạn: " + task.DueText)}");
        }
    }

    private static string Date(DateOnly? date) => date?.ToVietnameseDate() ?? "-";
}
