using System.Globalization;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.Host.Bot.Plans;
using CoordinationBot.Host.Resources;

namespace CoordinationBot.Host.Bot;

/// <summary>The server-side check of the focal agency's commands (rounds, consolidation): only its configured officers.</summary>
public static class FocalOfficerCheck
{
    /// <summary>Replies that only the focal agency may do this and returns true when the sender is not one of its officers.</summary>
    public static async Task<bool> RefuseUnlessFocalAsync(this TurnContext turn, PlanImportOptions focal, CultureInfo culture, CancellationToken cancellationToken, string refusal = "RoundNotAllowed")
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(focal);
        if (focal.MayImport(turn.Activity.From?.AadObjectId))
        {
            return false;
        }

        await turn.ReplyAsync(BotText.Get(refusal, culture), cancellationToken);
        return true;
    }
}
