using System.Globalization;
using CoordinationBot.Core.People;
using CoordinationBot.Host.Resources;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>What an officer whose own pick is not yet confirmed is told when they try to act for the agency.</summary>
public static class NotConfirmed
{
    public static string Text(AskerAgency asker, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return string.Format(culture, BotText.Get("Problem_AgencyNotConfirmed", culture), asker.Agency);
    }
}
