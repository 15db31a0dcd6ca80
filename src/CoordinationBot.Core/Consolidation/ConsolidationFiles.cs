namespace CoordinationBot.Core.Consolidation;

/// <summary>
/// The documents of a consolidation, written and stored: the report issued by the focal agency (Word, in its own
/// template when it sent one) and the matrix (Excel). The chat command and the board's download both take them here.
/// </summary>
public sealed class ConsolidationFiles(IReportDocuments documents, IReportFileStore files, IReportTemplateStore templates)
{
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The stored ids of the Word report and the Excel matrix.</summary>
    public async Task<(string Word, string Excel)> WriteAsync(ConsolidationSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var baseName = $"bao-cao-{summary.Round.Id.Replace('~', '-')}";
        var template = summary.Plan.FocalAgency is { } focal && await templates.GetAsync(focal, cancellationToken) is { } own
            ? (await files.GetAsync(own.FileId, cancellationToken))?.Content
            : null;
        // The two documents are independent: write them side by side.
        var written = await Task.WhenAll(Task.Run(() => documents.WriteReport(summary, template), cancellationToken), Task.Run(() => documents.WriteMatrix(summary), cancellationToken));
        var word = await files.SaveAsync(baseName + ".docx", WordType, written[0], cancellationToken);
        var excel = await files.SaveAsync(baseName + ".xlsx", ExcelType, written[1], cancellationToken);
        return (word, excel);
    }
}
