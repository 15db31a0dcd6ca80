using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;

namespace CoordinationBot.Cli.Commands;

/// <summary><c>coordbot plans extract FILE [--json]</c>: what the bot reads from a plan document.</summary>
public static class PlansCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Plan document (.txt UTF-8/UTF-16/Windows-1258, or .docx)" };
        var json = new Option<bool>("--json") { Description = "Print the extraction as JSON" };
        var extract = new Command("extract", "Read a plan and print its facts, tasks and assignments") { file, json };
        extract.SetAction(async (parse, cancellationToken) =>
        {
            var text = await File.ReadAllTextAsync(parse.GetValue(file)!.FullName, cancellationToken);
            var plan = PlanExtractor.Default.Extract(text);
            if (parse.GetValue(json))
            {
                var options = new JsonSerializerOptions(CliJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
                Console.WriteLine(JsonSerializer.Serialize(PlanJson.From(plan), new CliJsonContext(options).PlanJson));
            }
            else
            {
                Print(plan);
            }

            return 0;
        });
        return new Command("plans", "Plan documents") { extract };
    }

    private static void Print(Plan plan)
    {
        Console.WriteLine($"{plan.Kind} {plan.Number ?? "(chưa có số)"} — {plan.Title}");
        Console.WriteLine($"Năm: {plan.Year}; ngày ban hành: {plan.IssuedOn?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}; cơ quan đầu mối: {plan.FocalAgency ?? "-"}");
        foreach (var reference in plan.Implements)
        {
            Console.WriteLine($"Căn cứ/thực hiện: {reference.Number} {reference.Date?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        foreach (var rule in plan.Reporting)
        {
            Console.WriteLine($"Báo cáo: {rule.Cadence} hạn {string.Join(", ", rule.Dues)} gửi {rule.To ?? "-"} qua {rule.Via ?? "-"}");
        }

        foreach (var task in plan.Tasks)
        {
            var who = string.Join("; ", task.Assignments.Select(a => $"{(a.Role == Role.Lead ? "chủ trì" : "phối hợp")}: {a.Agency}"));
            Console.WriteLine($"[{task.Id}] {Shorten(task.Text)}");
            Console.WriteLine($"    {(who.Length > 0 ? who : task.AssignedInAttachment ? "(phân công trong biểu kèm theo)" : "(không nêu cơ quan)")}{(task.DueText is null ? string.Empty : " — hạn: " + task.DueText)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 110 ? text : text[..107] + "…";
}
