using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Plans.Import;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.Cli.Commands;

/// <summary><c>coordbot plans extract|import|list</c>: the plan registry from the command line.</summary>
public static class PlansCommand
{
    private static readonly string[] PlanFiles = [".txt", ".md", ".docx", ".xlsx", ".pdf"];

    public static Command Create() => new("plans", "Plan documents and the plan registry") { Extract(), Import(), List() };

    private static Command Extract()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Plan document (.txt UTF-8/UTF-16/Windows-1258, .docx, .xlsx assignment table, or .pdf with text)" };
        var json = new Option<bool>("--json") { Description = "Print the extraction as JSON" };
        var explain = new Option<bool>("--explain") { Description = "For each assignment, the rule that made it and the words it was read from" };
        var extract = new Command("extract", "Read a plan and print its facts, tasks and assignments") { file, json, explain };
        extract.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            using var host = CliHost.Build();
            var reader = host.Services.GetRequiredService<IPlanDocumentReader>();
            var document = reader.Read(await File.ReadAllBytesAsync(path.FullName, cancellationToken), path.Name);
            if (document.Text is null)
            {
                Console.Error.WriteLine($"{path.Name}: {PlanProblems.Describe(document.Problem)}");
                return 2;
            }

            var plan = host.Services.GetRequiredService<PlanExtractor>().Extract(document.Text);
            if (parse.GetValue(json))
            {
                Console.WriteLine(ToJson(plan));
            }
            else if (parse.GetValue(explain))
            {
                foreach (var task in plan.Tasks)
                {
                    foreach (var a in task.Assignments)
                    {
                        Console.WriteLine($"{task.Id}\t{a.Agency}\t{(a.Role == Role.Lead ? "lead" : "support")}{(a.Requested ? " (requested)" : string.Empty)}\t{a.Why ?? a.Source.ToString()}");
                    }

                    if (task.Assignments.Count == 0)
                    {
                        Console.WriteLine($"{task.Id}\t-\t-\t{(task.AssignedInAttachment ? "assigned in the attachment table" : "no agency named")}: {Explain.Quote(task.Text)}");
                    }
                }
            }
            else
            {
                PlanPrinter.Print(plan);
            }

            return 0;
        });
        return extract;
    }

    private static Command Import()
    {
        var path = new Argument<string>("FILE|DIR") { Description = "A plan file, or a folder of .txt/.docx/.xlsx/.pdf plan files" };
        var import = new Command("import", "Store plans in the registry (same file again: no change; changed file: new version)") { path };
        import.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var handler = host.Services.GetRequiredService<ImportPlanHandler>();
            var target = parse.GetValue(path)!;
            var files = Directory.Exists(target)
                ? Directory.EnumerateFiles(target).Where(f => PlanFiles.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase))).Order(StringComparer.Ordinal).ToList()
                : [target];
            var failures = 0;
            foreach (var file in files)
            {
                var result = await handler.HandleAsync(new ImportPlanRequest(await File.ReadAllBytesAsync(file, cancellationToken), Path.GetFileName(file), Environment.UserName), cancellationToken);
                var stored = result.Plan;
                Console.WriteLine(result.Outcome switch
                {
                    ImportOutcome.Refused => $"refused\t{Path.GetFileName(file)}\t{PlanProblems.Describe(result.Problem)}",
                    _ => $"{result.Outcome.ToString().ToLowerInvariant()}\t{Path.GetFileName(file)}\t{stored!.Key} v{stored.Version}\t{stored.Plan.Tasks.Count} tasks",
                });
                failures += result.Outcome == ImportOutcome.Refused ? 1 : 0;
            }

            return failures == 0 ? 0 : 2;
        });
        return import;
    }

    private static Command List()
    {
        var list = new Command("list", "The newest version of every stored plan");
        list.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await foreach (var stored in host.Services.GetRequiredService<IPlanStore>().ListLatestAsync(cancellationToken))
            {
                Console.WriteLine($"{stored.Key}\tv{stored.Version}\t{stored.Plan.Number ?? "-"}\t{stored.Plan.Tasks.Count} tasks\t{stored.Plan.Title}");
            }

            return 0;
        });
        return list;
    }

    public static string ToJson(Plan plan)
    {
        var options = new JsonSerializerOptions(CliJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return JsonSerializer.Serialize(PlanJson.From(plan), new CliJsonContext(options).PlanJson);
    }
}
