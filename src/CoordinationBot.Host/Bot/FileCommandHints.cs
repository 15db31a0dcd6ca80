using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Bot;

/// <summary>"minh chứng …" typed without a file: says to send the file with those words (not read as a question).</summary>
public sealed class EvidenceWithoutFileHandler(IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message, CommandCatalog.Evidence);

    public Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken) =>
        FileCommandHints.ReplyAsync(turn, "Evidence_NoFile", language.Value, cancellationToken);
}

/// <summary>"mẫu báo cáo" typed without a file: says to send the .docx with those words.</summary>
public sealed class TemplateWithoutFileHandler(IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message, CommandCatalog.ReportTemplate);

    public Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken) =>
        FileCommandHints.ReplyAsync(turn, "Template_NoFile", language.Value, cancellationToken);
}

/// <summary>The one reply of a file command typed without its file.</summary>
public static class FileCommandHints
{
    public static async Task<InvokeResponse?> ReplyAsync(TurnContext turn, string key, BotLanguageOptions language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(language);
        await turn.ReplyAsync(BotText.Get(key, language.CultureFor(turn.Activity.Locale)), cancellationToken);
        return null;
    }
}
