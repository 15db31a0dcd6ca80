using CoordinationBot.BotFramework;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoordinationBot.Host.Bot;

public static class BotFeaturesExtensions
{
    /// <summary>The bot's handlers, one per route, and the central turn error handler.</summary>
    public static IHostApplicationBuilder AddBotFeatures(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddActivityHandler<HelpHandler>()
            .AddActivityHandler<Questions.AskQuestionHandler>()
            .AddActivityHandler<Questions.PickAgencyHandler>()
            .AddActivityHandler<Questions.TaskSearchHandler>()
            .AddActivityHandler<Questions.TaskLinkHandler>()
            .AddActivityHandler<People.ConfirmAgenciesCommandHandler>()
            .AddActivityHandler<StatusReports.ResendRoundCommandHandler>()
            .AddActivityHandler<StatusReports.MyCardsCommandHandler>()
            .AddActivityHandler<StatusReports.RoundsCommandHandler>()
            .AddActivityHandler<Plans.ListPlansHandler>()
            .AddActivityHandler<Plans.CorrectTaskCommandHandler>()
            .AddActivityHandler<Plans.CorrectTaskCardHandler>()
            .AddActivityHandler<People.ConfirmAgencyCardHandler>()
            .AddActivityHandler<StatusReports.OpenRoundCommandHandler>()
            .AddActivityHandler<StatusReports.SubmitStatusCardHandler>()
            .AddActivityHandler<StatusReports.RefreshStatusCardHandler>()
            .AddActivityHandler<StatusReports.SaveDraftCardHandler>()
            .AddActivityHandler<StatusReports.PreviousContentCardHandler>()
            .AddActivityHandler<StatusReports.RegisterChannelHandler>()
            .AddActivityHandler<StatusReports.OpenRoundCardHandler>()
            .AddActivityHandler<Consolidation.ConsolidateCommandHandler>()
            .AddActivityHandler<Consolidation.RemindNowHandler>()
            .AddActivityHandler<StatusReports.ReturnReportCardHandler>()
            .AddActivityHandler<StatusReports.ExtendRoundCommandHandler>()
            .AddActivityHandler<StatusReports.CloseRoundCommandHandler>()
            .AddActivityHandler<ConversationUpdateHandler>()
            .AddActivityHandler<InstallationUpdateHandler>()
            .AddActivityHandler<Plans.PlanUploadHandler>()
            .AddActivityHandler<Plans.SavePlanHandler>()
            .AddActivityHandler<Plans.CancelPlanHandler>()
            .AddActivityHandler<Plans.PreviewCorrectHandler>()
            .AddActivityHandler<Plans.PreviewShowHandler>()
            .AddActivityHandler<Escalation.ExplainCardHandler>()
            .AddActivityHandler<Evidence.EvidenceUploadHandler>()
            .AddActivityHandler<Consolidation.ReportTemplateUploadHandler>()
            .AddActivityHandler<EvidenceWithoutFileHandler>()
            .AddActivityHandler<TemplateWithoutFileHandler>();
        builder.Services.TryAddSingleton(CoordinationBot.Core.Commands.CommandCatalog.Default);
        builder.Services.TryAddSingleton<CoordinationBot.BotFramework.Routing.ICommandRecognizer, CatalogCommandRecognizer>();
        builder.Services.AddOptions<Plans.PlanImportOptions>().BindConfiguration(Plans.PlanImportOptions.SectionName);
        builder.Services.AddHttpClient(Plans.PlanFileDownloader.ClientName, client => client.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddSingleton<Plans.PlanFileDownloader>();
        builder.Services.AddScoped<Plans.PendingImportGuard>();
        builder.Services.AddScoped<Plans.PendingPreviews>();
        builder.Services.AddScoped<Plans.PlanCommandGate>();
        builder.Services.AddScoped<StatusReports.StatusCardBuilder>();
        builder.Services.AddScoped<StatusReports.StatusCardRequests>();
        builder.Services.AddScoped<StatusReports.OpenCardsSender>();
        builder.Services.AddScoped<StatusReports.UnreachableAgencies>();
        builder.Services.AddOptions<Consolidation.FileLinkOptions>().BindConfiguration(Consolidation.FileLinkOptions.SectionName);
        builder.Services.AddSingleton<Consolidation.FileLinks>();
        builder.Services.AddScoped<Consolidation.ConsolidationFiles>();
        builder.Services.AddScoped<Features.Board.TabSignIn>();
        builder.Services.AddOptions<Features.Deliveries.DeliveryOptions>().BindConfiguration(Features.Deliveries.DeliveryOptions.SectionName);
        builder.Services.Replace(ServiceDescriptor.Singleton<CoordinationBot.BotFramework.Connector.IOutboundRateLimiter, Features.Deliveries.TeamsRateLimiter>());
        builder.Services.AddSingleton<Features.Deliveries.DeliverySender>();
        builder.Services.AddHostedService<Features.Deliveries.DeliveryWorker>();
        builder.Services.AddScoped<Features.Deliveries.DeliveryMessages>();
        builder.Services.AddScoped<Features.Deliveries.FailureNotices>();
        builder.Services.AddSingleton(sp => new CoordinationBot.Core.StatusReports.DeliveryScheduler(
            sp.GetRequiredService<CoordinationBot.Core.StatusReports.IDeliveryLog>(),
            sp.GetRequiredService<CoordinationBot.Core.StatusReports.IDeliveryOutbox>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Features.Deliveries.DeliveryOptions>>().Value.StalledAfter));
        builder.Services.AddOptions<Features.Reminders.ReminderOptions>().BindConfiguration(Features.Reminders.ReminderOptions.SectionName);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Features.Reminders.ReminderOptions>>().Value.Settings);
        builder.Services.AddSingleton<CoordinationBot.Core.Reminders.IReminderWording, Features.Reminders.ReminderWording>();
        builder.Services.AddSingleton<CoordinationBot.Core.Reminders.IAdministrators, Plans.ConfiguredAdministrators>();
        builder.Services.AddSingleton<Features.Reminders.ReminderScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Features.Reminders.ReminderScheduler>());
        builder.Services.AddOptions<BotLanguageOptions>().BindConfiguration(BotLanguageOptions.SectionName);
        builder.Services.AddScoped<ConversationGreeter>();
        builder.Services.AddScoped<TurnErrorHandler>();
        builder.Services.AddScoped<Apis.TurnRunner>();
        builder.Services.AddSingleton<Apis.AcknowledgedTurns>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Apis.AcknowledgedTurns>());
        return builder;
    }
}
