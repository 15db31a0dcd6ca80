using CoordinationBot.Core.Reminders;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>The administrators of <see cref="PlanImportOptions.Administrators"/>, for the core.</summary>
public sealed class ConfiguredAdministrators(IOptions<PlanImportOptions> options) : IAdministrators
{
    public bool IsAdministrator(string? aadObjectId) => options.Value.IsAdministrator(aadObjectId);
}
