using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Questions;
using CoordinationBot.Documents.Reports;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Consolidation;

/// <summary>
/// A .docx sent in chat with "mẫu báo cáo": the sender's agency (by the directory), if it is a plan's focal agency,
/// has its reports written in that template from now on. The template must open as Word and hold <c>{{noi_dung}}</c>.
/// </summary>
public sealed class ReportTemplateUploadHandler(
    PlanFileDownloader downloader,
    IReportFileStore files,
    IReportTemplateStore templates,
    PlanCatalogSource catalogs,
    PlanCommandGate gate,
    TimeProvider time,
    IOptions<BotLanguageOptions> language) : IActivityHandler
{
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public ActivityRoute Route { get; } = new(ActivityTypes.Message, RouteNames.FileFor(CommandCatalog.ReportTemplate));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var (agency, _) = await gate.SenderAsync(turn, cancellationToken);
        var runs = await gate.ManageableAsync(turn, await catalogs.GetAsync(cancellationToken), cancellationToken);
        if (agency is null || runs.Plans.Count == 0)
        {
            await turn.ReplyAsync(BotText.Get("Template_NotFocal", culture), cancellationToken);
            return null;
        }

        var (file, name) = turn.Activity.GetFile()!.Value;
        if (!name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            await turn.ReplyAsync(BotText.Get("Template_NotAWordFile", culture), cancellationToken);
            return null;
        }

        var download = await downloader.DownloadAsync(file.DownloadUrl!, cancellationToken);
        if (download.Content is not { } content)
        {
            await turn.ReplyAsync(BotText.Get("Download_" + download.Problem, culture), cancellationToken);
            return null;
        }

        var problem = ReportTemplate.Check(content);
        if (problem != TemplateProblem.None)
        {
            await turn.ReplyAsync(string.Format(culture, BotText.Get("Template_" + problem, culture), ReportTemplate.Content), cancellationToken);
            return null;
        }

        var id = await files.SaveAsync(Path.GetFileName(name), WordType, content, cancellationToken);
        await templates.SaveAsync(new ReportTemplateInfo(agency, id, Path.GetFileName(name), turn.Activity.From?.AadObjectId ?? "?", time.GetUtcNow()), cancellationToken);
        var text = string.Format(culture, BotText.Get("TemplateSaved", culture), Path.GetFileName(name), agency, ReportTemplate.Content, string.Join(", ", ReportTemplate.Placeholders));
        await turn.ReplyAsync(text, cancellationToken);
        return null;
    }
}
