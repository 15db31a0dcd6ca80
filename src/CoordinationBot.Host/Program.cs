using CoordinationBot.BotFramework;
using CoordinationBot.Documents;
using CoordinationBot.Graph;
using CoordinationBot.Host.Apis;
using CoordinationBot.Host.Bot;
using CoordinationBot.Host.Telemetry;
using CoordinationBot.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.AddObservability();
builder.AddTableStorage();
builder.AddDocuments();
builder.AddDirectory();
builder.AddBotFramework();
builder.AddBotFeatures();

var app = builder.Build();

app.MapBotApi();
app.MapHealthApi();

app.Run();
