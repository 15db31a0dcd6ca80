using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Questions;

/// <summary>
/// The agencies the plans assign that the registry does not know ("Ban Quản lý khu Kinh tế"), with their folded words,
/// longest first, so a question can name them too. Built once per catalog, not per question.
/// </summary>
public sealed class PlanAgencyNames
{
    private PlanAgencyNames(IReadOnlyList<(Agency Agency, IReadOnlyList<string> Words)> names) => Names = names;

    public IReadOnlyList<(Agency Agency, IReadOnlyList<string> Words)> Names { get; }

    public static PlanAgencyNames Of(PlanCatalog catalog, AgencyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(registry);
        return new([.. catalog.Tasks.SelectMany(t => t.Task.Assignments).Select(a => a.Agency).Distinct(StringComparer.Ordinal)
            .Where(name => name.Length > 0 && char.IsUpper(name[0]) && registry.FindExact(name) is null)
            .Select(name => (Agency: new Agency("plan:" + name, name, AgencyLevel.Unknown, []), Words: (IReadOnlyList<string>)[.. Tokenizer.Tokenize(name).Where(t => t.IsWord).Select(t => t.Folded)]))
            .Where(n => n.Words.Count >= 2)
            .OrderByDescending(n => n.Words.Count)]);
    }
}
