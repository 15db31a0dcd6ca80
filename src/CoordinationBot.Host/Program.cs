using CoordinationBot.Host;

var builder = WebApplication.CreateBuilder(args);

builder.AddCoordinationBot();

var app = builder.Build();

app.MapCoordinationBot();

app.Run();
