using System.Text.RegularExpressions;
using System.Xml.Linq;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Corrections;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// Every user-facing string the code asks for exists, in Vietnamese and in English: the keys named in the code
/// (literals, and the keys built from a prefix and an enum member) are read from the sources and looked up in the
/// resources, so a typo or a new enum member without its text fails here instead of in an officer's chat.
/// </summary>
public sealed partial class ResourceKeysTests
{
    private static readonly (string Project, string Resources, string Accessors)[] Families =
    [
        ("src/CoordinationBot.Host", "src/CoordinationBot.Host/Resources/BotStrings", @"\bBotText\.(?:Get|Find)\(|(?<![\w.])T\("),
        ("src/CoordinationBot.Core", "src/CoordinationBot.Core/Questions/AnswerStrings", @"\bAnswerText\.(?:Get|Format)\("),
        ("src/CoordinationBot.Documents", "src/CoordinationBot.Documents/Reports/ReportStrings", @"\bReportText\.(?:Get|Format)\(|(?<![\w.])(?:Get|Format)\("),
    ];

    // A built key: the prefix in the code, the enum its member comes from, and the members that are never shown that way.
    private static readonly Dictionary<string, IEnumerable<string>> Built = new(StringComparer.Ordinal)
    {
        ["Status_"] = Members<ProgressStatus>(),
        ["OnTime_"] = Members<OnTimeStatus>(),
        ["Period_"] = Members<PeriodKind>(),
        ["Due_"] = Members<DueSource>(nameof(DueSource.Given)),
        ["Round_"] = Members<OpenRoundProblem>("None").Union(Members<ChangeRoundProblem>("None")),
        ["Problem_"] = Members<SubmitProblem>("None"),
        ["PlanFile_"] = Members<PlanFileProblem>("None"),
        ["Download_"] = Members<DownloadProblem>("None"),
        // NotAllowed is answered with the plan gate's refusal, which names the focal agency.
        ["Correct_"] = Members<CorrectionProblem>("None", nameof(CorrectionProblem.NotAllowed)),
        ["Cadence_"] = Members<ReportingCadence>(),
        // The round not found and the plan gate's refusal have their own texts.
        ["Return_"] = Members<ReturnProblem>("None", nameof(ReturnProblem.UnknownRound), nameof(ReturnProblem.NotAllowed)),
        // The round not found has its own text.
        ["Explain_"] = Members<CoordinationBot.Core.Escalation.ExplainProblem>("None", nameof(CoordinationBot.Core.Escalation.ExplainProblem.UnknownRound)),
        ["Evidence_"] = Members<CoordinationBot.Core.Evidence.EvidenceProblem>("None"),
        ["Template_"] = Members<CoordinationBot.Documents.Reports.TemplateProblem>("None"),
        // What the plan gate says a non-focal officer may not do: the commands that manage a plan.
        ["Verb_"] = [CommandCatalog.OpenRound, CommandCatalog.ExtendRound, CommandCatalog.CloseRound, CommandCatalog.Consolidate, CommandCatalog.ResendRound, CommandCatalog.CorrectTask, "report.remind", "report.return"],
    };

    // Keys looked up with a fallback when absent (BotText.Find, ReportText.Kind): not required.
    private static readonly string[] Optional = ["Command_", "Kind_"];

    [Fact]
    public void EachResourceFile_HasTheSameKeysInBothLanguages_NoneEmpty()
    {
        foreach (var (_, resources, _) in Families)
        {
            var neutral = Keys(resources + ".resx");
            Assert.All(neutral, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"{resources}: {pair.Key} is empty"));
            var english = resources + ".en-US.resx";
            if (File.Exists(Path.Combine(RepositoryPaths.Root, english)))
            {
                Assert.Equal(neutral.Keys.Order(StringComparer.Ordinal), Keys(english).Keys.Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public void EveryKeyTheCodeAsksFor_Exists()
    {
        var missing = new List<string>();
        var prefixesSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (project, resources, accessors) in Families)
        {
            var keys = Keys(resources + ".resx");
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, project), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
            {
                var source = File.ReadAllText(file);
                foreach (var arguments in Calls(source, accessors))
                {
                    foreach (Match literal in KeyLiteral().Matches(arguments))
                    {
                        var key = literal.Groups["key"].Value;
                        if (literal.Groups["built"].Success)
                        {
                            prefixesSeen.Add(key);
                            missing.AddRange(BuiltKeys(key).Where(k => !keys.ContainsKey(k)).Select(k => $"{Path.GetFileName(file)}: {k}"));
                        }
                        else if (!keys.ContainsKey(key) && !Optional.Any(key.StartsWith))
                        {
                            missing.Add($"{Path.GetFileName(file)}: {key}");
                        }
                    }
                }
            }
        }

        Assert.Empty(missing);
        Assert.Contains("Status_", prefixesSeen);
        Assert.Contains("PlanFile_", prefixesSeen);
    }

    private static IEnumerable<string> BuiltKeys(string prefix)
    {
        if (Optional.Contains(prefix))
        {
            return [];
        }

        Assert.True(Built.TryGetValue(prefix, out var built), $"The code builds keys '{prefix}…': say here which enum completes them.");
        return built.Select(member => prefix + member);
    }

    private static IEnumerable<string> Members<TEnum>(params string[] notShown)
        where TEnum : struct, Enum => Enum.GetNames<TEnum>().Except(notShown);

    /// <summary>The argument text of each accessor call, to its matching parenthesis.</summary>
    private static IEnumerable<string> Calls(string source, string accessors)
    {
        foreach (Match call in Regex.Matches(source, accessors))
        {
            var depth = 1;
            var end = call.Index + call.Length;
            while (end < source.Length && depth > 0)
            {
                depth += source[end] switch { '(' => 1, ')' => -1, _ => 0 };
                end++;
            }

            yield return source[(call.Index + call.Length)..end];
        }
    }

    private static Dictionary<string, string> Keys(string resx) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, resx)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    // A resource key is an identifier in PascalCase, with at most one "_" part; "Prefix_" + … is a built key.
    [GeneratedRegex("\"(?<key>[A-Z][A-Za-z0-9]*_?(?:[A-Za-z0-9.]*))\"(?<built>\\s*\\+)?")]
    private static partial Regex KeyLiteral();
}
