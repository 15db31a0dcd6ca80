using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoordinationBot.Core;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.Questions;
using CoordinationBot.Documents.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.Cli.Commands;

/// <summary><c>coordbot ask [--plans DIR] [--as AGENCY] "QUESTION"</c>, or <c>--batch FILE</c> of <c>AS&lt;TAB&gt;QUESTION</c> lines.</summary>
public static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string?>("QUESTION") { Description = "The question, in Vietnamese", Arity = ArgumentArity.ZeroOrOne };
        var plans = new Option<DirectoryInfo?>("--plans") { Description = "Import the plans in DIR into a throw-away store and ask them (default: the configured storage)" };
        var asker = new Option<string?>("--as") { Description = "The asker's agency (for \"nhiệm vụ của tôi\")" };
        var batch = new Option<FileInfo?>("--batch") { Description = "Lines AS<TAB>QUESTION (AS '-' = anonymous); prints one JSON object per line" };
        var ask = new Command("ask", "Answer officers' questions from the plan registry") { question, plans, asker, batch };
        ask.SetAction(async (parse, cancellationToken) =>
        {
            var catalog = await LoadAsync(parse.GetValue(plans), cancellationToken);
            // The registry the plans' issuers set (Tuyên Quang's own agencies for Tuyên Quang's plans).
            var registry = catalog.Plans.Select(p => AgencyRegistry.ForIssuer(p.Plan.Issuer)).GroupBy(r => r.Province).MaxBy(g => g.Count())?.First() ?? AgencyRegistry.Default;
            var handler = new AskHandler(new QuestionParser(registry), registry);
            if (parse.GetValue(batch) is { } file)
            {
                var options = new JsonSerializerOptions(AskJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
                var context = new AskJsonContext(options);
                foreach (var line in await File.ReadAllLinesAsync(file.FullName, cancellationToken))
                {
                    if (line.Length == 0 || line.StartsWith('#'))
                    {
                        continue;
                    }

                    var fields = line.Split('\t');
                    var who = fields[0].Trim();
                    var text = fields.Length > 1 ? fields[1] : string.Empty;
                    var answer = handler.Handle(catalog, new AskRequest(text, who is "-" or "" ? null : who, Today: TimeProvider.System.Today()));
                    var tasks = answer.Tasks.Select(t => new AskTaskJson(t.PlanKey, t.TaskId)).ToList();
                    Console.WriteLine(JsonSerializer.Serialize(new AskJson(who, text, answer.Text, tasks), context.AskJson));
                }

                return 0;
            }

            var single = parse.GetValue(question);
            if (string.IsNullOrWhiteSpace(single))
            {
                Console.Error.WriteLine("Give a QUESTION or --batch FILE.");
                return 2;
            }

            Console.WriteLine(handler.Handle(catalog, new AskRequest(single, parse.GetValue(asker), Today: TimeProvider.System.Today())).Text);
            return 0;
        });
        return ask;
    }

    private static async Task<PlanCatalog> LoadAsync(DirectoryInfo? folder, CancellationToken cancellationToken)
    {
        IPlanStore store;
        if (folder is not null)
        {
            var memory = new InMemoryPlanStore();
            var import = new ImportPlanHandler(new PlanDocumentReader(), memory, PlanExtractor.Default, TimeProvider.System);
            foreach (var file in folder.EnumerateFiles().Where(f => f.Extension is ".txt" or ".docx").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                await import.HandleAsync(new ImportPlanRequest(await File.ReadAllBytesAsync(file.FullName, cancellationToken), file.Name, null), cancellationToken);
            }

            store = memory;
        }
        else
        {
            using var host = CliHost.Build();
            store = host.Services.GetRequiredService<IPlanStore>();
            return new PlanCatalog(await store.ListLatestAsync(cancellationToken).ToListAsync(cancellationToken));
        }

        return new PlanCatalog(await store.ListLatestAsync(cancellationToken).ToListAsync(cancellationToken));
    }
}

public sealed record AskJson(string As, string Question, string Text, IReadOnlyList<AskTaskJson> Tasks);

public sealed record AskTaskJson(string Plan, string Id);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AskJson))]
internal sealed partial class AskJsonContext : JsonSerializerContext;
