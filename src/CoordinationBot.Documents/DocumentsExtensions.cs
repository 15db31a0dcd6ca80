using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Documents.Plans;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoordinationBot.Documents;

public static class DocumentsExtensions
{
    /// <summary>The plan document reader (.txt, .docx, .xlsx, .pdf) the core's import reads files with, and the consolidation's documents.</summary>
    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IPlanDocumentReader, PlanDocumentReader>();
        builder.Services.TryAddSingleton<Core.Consolidation.IReportDocuments, Reports.OpenXmlReportDocuments>();
        return builder;
    }
}
