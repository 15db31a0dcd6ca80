using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Documents.Plans;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoordinationBot.Documents;

public static class DocumentsExtensions
{
    /// <summary>Plan documents (.txt, .docx) and the plan registry's import, which reads them.</summary>
    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(AgencyRegistry.Default);
        builder.Services.TryAddSingleton<PlanExtractor>();
        builder.Services.TryAddSingleton<IPlanDocumentReader, PlanDocumentReader>();
        builder.Services.TryAddTransient<ImportPlanHandler>();
        return builder;
    }
}
