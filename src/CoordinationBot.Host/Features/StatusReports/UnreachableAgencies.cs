using System.Globalization;
using CoordinationBot.Core.Conversations;
using CoordinationBot.Host.Resources;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// Agencies a round could not reach (no officer has the bot installed): the bot installs itself for their officers
/// when that is configured and says for whom it did, and otherwise says what the administrator must do, per agency.
/// </summary>
public sealed class UnreachableAgencies(IAppInstaller installer)
{
    private const int MaxAgencies = 30;

    public async Task<string> ExplainAsync(IReadOnlyList<string> agencies, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        if (agencies.Count == 0)
        {
            return string.Empty;
        }

        if (!installer.IsConfigured)
        {
            return string.Format(culture, BotText.Get("Unreachable_AdminMustInstall", culture), string.Join("; ", agencies));
        }

        var results = new List<AgencyInstall>();
        foreach (var agency in agencies.Take(MaxAgencies))
        {
            results.Add(await installer.InstallForAgencyAsync(agency, cancellationToken));
        }

        var parts = new List<string>();
        var installed = results.Where(r => r.Installed > 0).ToList();
        if (installed.Count > 0)
        {
            parts.Add(string.Format(culture, BotText.Get("Unreachable_Installed", culture), string.Join("; ", installed.Select(r => $"{r.Agency} ({r.Installed})"))));
        }

        var notListed = results.Where(r => r.Officers == 0 && r.Failed == 0).Select(r => r.Agency).ToList();
        if (notListed.Count > 0)
        {
            parts.Add(string.Format(culture, BotText.Get("Unreachable_NotInDirectory", culture), string.Join("; ", notListed)));
        }

        var failed = results.Where(r => r.Failed > 0 && r.Installed == 0).Select(r => r.Agency).ToList();
        if (failed.Count > 0)
        {
            parts.Add(string.Format(culture, BotText.Get("Unreachable_Failed", culture), string.Join("; ", failed)));
        }

        if (agencies.Count > MaxAgencies)
        {
            parts.Add(string.Format(culture, BotText.Get("Unreachable_More", culture), agencies.Count - MaxAgencies));
        }

        return string.Join(" ", parts);
    }
}
