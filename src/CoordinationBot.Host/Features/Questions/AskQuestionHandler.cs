using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.People;
using CoordinationBot.Core.Questions;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Features.Help;

namespace CoordinationBot.Host.Features.Questions;

/// <summary>
/// Any message that is not a command is a question: personal chat or an @mention in a channel (the mention is
/// stripped). The answer cites plan and task; an officer the directory does not know is asked once for their agency.
/// </summary>
public sealed class AskQuestionHandler(
    AskHandler ask,
    PlanCatalogSource catalogs,
    AskerAgencyResolver askers,
    AgencyRegistry registry,
    CommandCatalog commands,
    IOptions<BotLanguageOptions> language,
    TimeProvider time) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message);

    public bool AnswersAfterAcknowledging => true;

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var question = turn.Activity.GetTextWithoutMentions();
        if (IsSharedCard(turn.Activity, question))
        {
            // A card someone put into the chat (a task picked in the compose box's search): a citation, not a question.
            return null;
        }

        if (question.Length == 0 || question.Length > 500)
        {
            var lead = BotText.Get("NotUnderstood", culture);
            await turn.ReplyWithCardAsync(HelpCard.Create(commands, culture, lead), HelpCard.FallbackText(commands, culture, lead), cancellationToken);
            return null;
        }

        var asker = await askers.ResolveAsync(turn.Activity.From?.AadObjectId, cancellationToken);
        var catalog = await catalogs.GetAsync(cancellationToken);
        var answer = ask.Handle(catalog, new AskRequest(question, asker.Agency, culture, time.Today()));
        if (answer.Intent == QuestionIntent.MyDuties && asker.Agency is null)
        {
            await turn.ReplyWithCardAsync(AgencyPickerCard.Create(registry, culture, answer.Text), answer.Text, cancellationToken);
            return null;
        }

        var note = asker.DirectoryUnavailable ? BotText.Get("DirectoryUnavailable", culture) : null;
        await turn.ReplyWithCardAsync(AnswerCard.Create(answer, culture, note), answer.Text, cancellationToken);
        return null;
    }

    /// <summary>An Adaptive Card with no words of the sender's own beside it (Teams wraps the card in markup only).</summary>
    private static bool IsSharedCard(Activity activity, string text) =>
        activity.Attachments?.Any(a => a.ContentType == Attachment.AdaptiveCardContentType) == true
        && System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", string.Empty, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(200)).Trim().Length == 0;
}
