using CoordinationBot.Core.Consolidation;

namespace CoordinationBot.Documents.Reports;

/// <summary>The consolidation's documents in OpenXML: <see cref="ConsolidationDocument"/> and <see cref="ConsolidationWorkbook"/>.</summary>
public sealed class OpenXmlReportDocuments : IReportDocuments
{
    public byte[] WriteReport(ConsolidationSummary summary, byte[]? ownTemplate) => ConsolidationDocument.Write(summary, ownTemplate);

    public byte[] WriteMatrix(ConsolidationSummary summary) => ConsolidationWorkbook.Write(summary);
}
