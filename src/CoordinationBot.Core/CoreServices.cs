using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Escalation;
using CoordinationBot.Core.Evidence;
using CoordinationBot.Core.People;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Corrections;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.Questions;
using CoordinationBot.Core.StatusReports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoordinationBot.Core;

/// <summary>
/// The core's services in one place — the registry of the deployment's province, plan reading and import, questions,
/// corrections, rounds and reports, consolidation, escalation and evidence. Their ports (stores, the outbox, the
/// directory) are the adapters' to register; a host or test may register its own first (TryAdd).
/// </summary>
public static class CoreServices
{
    public static IServiceCollection AddCoordinationCore(this IServiceCollection services, string? province)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(AgencyRegistry.ForProvince(province));
        services.TryAddSingleton<PlanExtractor>();
        services.TryAddTransient<ImportPlanHandler>();
        services.TryAddSingleton<PlanReporters>();
        services.TryAddSingleton(sp => new QuestionParser(sp.GetRequiredService<AgencyRegistry>()));
        services.TryAddSingleton<AskHandler>();
        services.TryAddSingleton<PlanCatalogSource>();
        services.TryAddScoped<AskerAgencyResolver>();
        services.TryAddScoped<CorrectTaskHandler>();
        services.TryAddScoped<RecipientFinder>();
        services.TryAddScoped<ReportingChain>();
        services.TryAddScoped<ContributionRelay>();
        services.TryAddScoped<SubmitStatusHandler>();
        services.TryAddScoped<StatusCardQuery>();
        services.TryAddScoped<SaveDraftHandler>();
        services.TryAddScoped<PreviousReports>();
        services.TryAddScoped<OpenRoundHandler>();
        services.TryAddScoped<ChangeRoundHandler>();
        services.TryAddScoped<ReturnReportHandler>();
        services.TryAddScoped<ConsolidateHandler>();
        services.TryAddScoped<ConsolidationFiles>();
        services.TryAddScoped<Board.BoardQuery>();
        services.TryAddScoped<ExplainHandler>();
        services.TryAddScoped<AttachEvidenceHandler>();
        services.TryAddSingleton(Reminders.ReminderSettings.Default);
        services.TryAddScoped<Reminders.FocalRecipients>();
        services.TryAddScoped<Reminders.RoundReminders>();
        return services;
    }
}
