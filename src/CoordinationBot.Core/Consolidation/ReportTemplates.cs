namespace CoordinationBot.Core.Consolidation;

/// <summary>A focal agency's own report template: which file (kept in blob storage), who sent it and when.</summary>
public sealed record ReportTemplateInfo(string Agency, string FileId, string FileName, string By, DateTimeOffset At);

/// <summary>Port: each agency's report template (the latest sent replaces the one before).</summary>
public interface IReportTemplateStore
{
    Task SaveAsync(ReportTemplateInfo info, CancellationToken cancellationToken);

    Task<ReportTemplateInfo?> GetAsync(string agency, CancellationToken cancellationToken);
}
