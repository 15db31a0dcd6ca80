using CoordinationBot.BotFramework;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.DependencyInjection.Extensions;
using CoordinationBot.Host.Features.Conversations;
using CoordinationBot.Host.Features.Help;

namespace CoordinationBot.Host.Bot;

public static class BotFeaturesExtensions
{
    /// <summary>The bot's handlers, one per route, and the central turn error handler.</summary>
    public static IHostApplicationBuilder AddBotFeatures(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddActivityHandler<HelpHandler>()
            .AddActivityHandler<Features.Questions.AskQuestionHandler>()
            .AddActivityHandler<Features.Questions.PickAgencyHandler>()
            .AddActivityHandler<Features.Questions.TaskSearchHandler>()
            .AddActivityHandler<Features.Questions.TaskLinkHandler>()
            .AddActivityHandler<Features.People.ConfirmAgenciesCommandHandler>()
            .AddActivityHandler<Features.StatusReports.ResendRoundCommandHandler>()
            .AddActivityHandler<Features.StatusReports.MyCardsCommandHandler>()
            .AddActivityHandler<Features.StatusReports.RoundsCommandHandler>()
            .AddActivityHandler<Features.Plans.ListPlansHandler>()
            .AddActivityHandler<Features.Plans.CorrectTaskCommandHandler>()
            .AddActivityHandler<Features.Plans.CorrectTaskCardHandler>()
            .AddActivityHandler<Features.People.ConfirmAgencyCardHandler>()
            .AddActivityHandler<Features.StatusReports.OpenRoundCommandHandler>()
            .AddActivityHandler<Features.StatusReports.SubmitStatusCardHandler>()
            .AddActivityHandler<Features.StatusReports.RefreshStatusCardHandler>()
            .AddActivityHandler<Features.StatusReports.SaveDraftCardHandler>()
            .AddActivityHandler<Features.StatusReports.PreviousContentCardHandler>()
            .AddActivityHandler<Features.StatusReports.RegisterChannelHandler>()
            .AddActivityHandler<Features.StatusReports.OpenRoundCardHandler>()
            .AddActivityHandler<Features.Consolidation.ConsolidateCommandHandler>()
            .AddActivityHandler<Features.Consolidation.RemindNowHandler>()
            .AddActivityHandler<Features.StatusReports.ReturnReportCardHandler>()
            .AddActivityHandler<Features.StatusReports.ExtendRoundCommandHandler>()
            .AddActivityHandler<Features.StatusReports.CloseRoundCommandHandler>()
            .AddActivityHandler<ConversationUpdateHandler>()
            .AddActivityHandler<InstallationUpdateHandler>()
            .AddActivityHandler<Features.Plans.PlanUploadHandler>()
            .AddActivityHandler<Features.Plans.SavePlanHandler>()
            .AddActivityHandler<Features.Plans.CancelPlanHandler>()
            .AddActivityHandler<Features.Plans.PreviewCorrectHandler>()
            .AddActivityHandler<Features.Plans.PreviewShowHandler>()
            .AddActivityHandler<Features.Escalation.ExplainCardHandler>()
            .AddActivityHandler<Features.Evidence.EvidenceUploadHandler>()
            .AddActivityHandler<Features.Consolidation.ReportTemplateUploadHandler>()
            .AddActivityHandler<EvidenceWithoutFileHandler>()
            .AddActivityHandler<TemplateWithoutFileHandler>();
        builder.Services.TryAddSingleton(CoordinationBot.Core.Commands.CommandCatalog.Default);
        builder.Services.TryAddSingleton<CoordinationBot.BotFramework.Routing.ICommandRecognizer, CatalogCommandRecognizer>();
        builder.Services.AddOptions<Features.Plans.PlanImportOptions>().BindConfiguration(Features.Plans.PlanImportOptions.SectionName);
        builder.Services.AddHttpClient(Features.Plans.PlanFileDownloader.ClientName, client => client.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddSingleton<Features.Plans.PlanFileDownloader>();
        builder.Services.AddScoped<Features.Plans.PendingImportGuard>();
        builder.Services.AddScoped<Features.Plans.PendingPreviews>();
        builder.Services.AddScoped<Features.Plans.PlanCommandGate>();
        builder.Services.AddScoped<Features.StatusReports.StatusCardRequests>();
        builder.Services.AddScoped<Features.StatusReports.OpenCardsSender>();
        builder.Services.AddScoped<Features.StatusReports.UnreachableAgencies>();
        builder.Services.AddOptions<Features.Consolidation.FileLinkOptions>().BindConfiguration(Features.Consolidation.FileLinkOptions.SectionName);
        builder.Services.AddSingleton<Features.Consolidation.FileLinks>();
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
        builder.Services.AddSingleton<CoordinationBot.Core.Reminders.IAdministrators, Features.Plans.ConfiguredAdministrators>();
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
