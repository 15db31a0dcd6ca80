namespace CoordinationBot.Core.Consolidation;

/// <summary>Port: the documents a consolidation is issued as (OpenXML in the Documents adapter).</summary>
public interface IReportDocuments
{
    /// <summary>The report issued by the focal agency (Word, Nghị định 30/2020), in the focal agency's own template when given one that opens.</summary>
    byte[] WriteReport(ConsolidationSummary summary, byte[]? ownTemplate);

    /// <summary>The matrix of tasks and agencies (Excel).</summary>
    byte[] WriteMatrix(ConsolidationSummary summary);
}
