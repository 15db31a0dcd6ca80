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
        // The deployment's province ("Agencies:Province", e.g. Tuyên Quang): its own agencies besides the national part.
        builder.Services.TryAddSingleton(AgencyRegistry.ForProvince(builder.Configuration["Agencies:Province"]));
        builder.Services.TryAddSingleton<PlanExtractor>();
        builder.Services.TryAddSingleton<IPlanDocumentReader, PlanDocumentReader>();
        builder.Services.TryAddTransient<ImportPlanHandler>();
        return builder;
    }
}
