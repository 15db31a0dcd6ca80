using CoordinationBot.Host;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.AddCoordinationBot();

var app = builder.Build();

app.MapCoordinationBot();

try
{
    app.Run();
}
catch (OptionsValidationException invalid)
{
    // A configuration the bot must not run with: one line saying what to set, no stack trace.
    Console.Error.WriteLine(string.Join(" ", invalid.Failures));
    return 1;
}

return 0;
