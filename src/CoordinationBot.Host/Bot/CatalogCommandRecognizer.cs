using CoordinationBot.BotFramework.Routing;
using CoordinationBot.Core.Commands;

namespace CoordinationBot.Host.Bot;

/// <summary>The protocol layer's command recognition, answered by the core's command catalog.</summary>
public sealed class CatalogCommandRecognizer(CommandCatalog catalog) : ICommandRecognizer
{
    public TypedCommand? Recognize(string? text) =>
        catalog.Recognize(text) is { } recognized ? new TypedCommand(recognized.Command.Name, recognized.Arguments) : null;
}
