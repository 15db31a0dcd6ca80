using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Connector;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.People;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Host.Bot;
using CoordinationBot.Host.Features.Help;
using CoordinationBot.Host.Features.Questions;
using CoordinationBot.Host.Resources;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// Turns in process: a built activity dispatched to the real router, with the real handlers and the core, and fake
/// ports (plans in memory, a directory that knows nobody, a connector that records what is sent).
/// </summary>
public sealed class InProcessTurnTests : IDisposable
{
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ServiceProvider services;
    private readonly RecordingConnector connector = new();
    private readonly MemoryChoices choices = new();
    private readonly ActivityRouter router;

    public InProcessTurnTests()
    {
        var text = File.ReadAllText(SharedData.Require("seeds", "000_6f683b4a1ed7a171.txt"));
        var plan = new StoredPlan("kh-000", 1, "hash", "000.txt", DateTimeOffset.UnixEpoch, "aad-0", PlanExtractor.Default.Extract(text));
        var collection = new ServiceCollection();
        collection.AddOptions();
        collection.AddSingleton<IPlanStore>(new MemoryPlans(plan));
        collection.AddSingleton<IDirectory>(new NoDirectory());
        collection.AddSingleton<IAgencyChoiceStore>(choices);
        collection.AddSingleton(CommandCatalog.Default);
        collection.AddCoordinationCore("Tuyên Quang");
        services = collection.BuildServiceProvider();
        IActivityHandler[] handlers =
        [
            ActivatorUtilities.CreateInstance<AskQuestionHandler>(services),
            ActivatorUtilities.CreateInstance<PickAgencyHandler>(services),
            ActivatorUtilities.CreateInstance<HelpHandler>(services),
        ];
        router = new ActivityRouter(handlers, new CatalogCommandRecognizer(CommandCatalog.Default), connector);
    }

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task WhoLeadsAQuestion_IsAnsweredWithTheLeadAndTheTaskItCites_AsAnAnswerCardReply()
    {
        var (handled, _) = await router.DispatchAsync(Message("ai chủ trì bố trí kinh phí?"), null, default);

        Assert.True(handled);
        var reply = Assert.Single(connector.Sent);
        Assert.Equal("message", reply.Type);
        var card = reply.Attachments![0].Content!.ToJsonString(Readable);
        Assert.Contains("IV.4.a", card, StringComparison.Ordinal);
        Assert.Contains("Sở Tài chính", reply.Text ?? card, StringComparison.Ordinal);
        Assert.Equal("a:conv", reply.Conversation?.Id);
    }

    [Fact]
    public async Task MyDuties_FromAnOfficerNobodyKnows_AsksWhichAgency_AndThePickIsKeptUnconfirmed()
    {
        await router.DispatchAsync(Message("nhiệm vụ của tôi là gì?"), null, default);
        var picker = Assert.Single(connector.Sent).Attachments![0].Content!.AsObject();
        Assert.Contains(AgencyPickerCard.InputId, picker.ToJsonString(Readable), StringComparison.Ordinal);

        var registry = services.GetRequiredService<CoordinationBot.Core.Agencies.AgencyRegistry>();
        var finance = AgencyPickerCard.Pickable(registry).First(a => a.Name == "Sở Tài chính");
        var press = Message(string.Empty) with
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = AgencyPickerCard.Verb, ["data"] = new JsonObject { [AgencyPickerCard.InputId] = finance.Id } } },
        };
        var (_, response) = await router.DispatchAsync(press, null, default);

        Assert.Equal(200, response?.Status);
        Assert.Contains("Sở Tài chính", response!.Body!.ToJsonString(Readable), StringComparison.Ordinal);
        var kept = await choices.GetAsync("aad-officer", default);
        Assert.Equal(("Sở Tài chính", false), (kept?.Agency, kept?.Confirmed));
    }

    [Fact]
    public async Task TheHelpCommand_ReachesTheHelpHandler_NotTheQuestionOne()
    {
        await router.DispatchAsync(Message("trợ giúp"), null, default);

        var card = Assert.Single(connector.Sent).Attachments![0].Content!.ToJsonString(Readable);
        Assert.Contains(BotText.Get("HelpTitle", BotText.CultureFor("vi")), card, StringComparison.Ordinal);
    }

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "act-1",
        Text = text,
        ServiceUrl = "https://smba.example/",
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = "a:conv", ConversationType = "personal", TenantId = "t" },
        From = new ChannelAccount { Id = "29:officer", AadObjectId = "aad-officer", Name = "Nguyễn Văn A" },
        Recipient = new ChannelAccount { Id = "28:bot" },
    };

    private sealed class RecordingConnector : IConnectorClient
    {
        public List<Activity> Sent { get; } = [];

        public Task<ResourceResponse> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken) => Record(activity);

        public Task<ResourceResponse> SendToConversationAsync(Activity activity, CancellationToken cancellationToken) => Record(activity);

        public Task<ResourceResponse> SendToConversationAsync(Activity activity, PostSlot slot, CancellationToken cancellationToken) => Record(activity);

        public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken) => Record(activity);

        public Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PagedMembersResult> GetPagedMembersAsync(Uri serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken) => throw new NotSupportedException();

        private Task<ResourceResponse> Record(Activity activity)
        {
            lock (Sent)
            {
                Sent.Add(activity);
            }

            return Task.FromResult(new ResourceResponse("sent-" + Sent.Count));
        }
    }

    private sealed class MemoryPlans(StoredPlan plan) : IPlanStore
    {
        public Task<StoredPlan?> FindBySourceHashAsync(string sourceHash, CancellationToken cancellationToken) => Task.FromResult(sourceHash == plan.SourceHash ? plan : null);

        public Task<StoredPlan?> GetLatestAsync(string key, CancellationToken cancellationToken) => Task.FromResult(key == plan.Key ? plan : null);

        public Task<int> LatestVersionAsync(string key, CancellationToken cancellationToken) => Task.FromResult(key == plan.Key ? plan.Version : 0);

        public Task<StoredPlan?> GetAsync(string key, int version, CancellationToken cancellationToken) => Task.FromResult(key == plan.Key && version == plan.Version ? plan : null);

        public Task SaveAsync(StoredPlan stored, CancellationToken cancellationToken) => throw new NotSupportedException();

        public async IAsyncEnumerable<StoredPlan> ListLatestAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield return plan;
        }
    }

    private sealed class NoDirectory : IDirectory
    {
        public Task<DirectoryLookup> FindAgencyAsync(string aadObjectId, CancellationToken cancellationToken) => Task.FromResult(DirectoryLookup.None);
    }

    private sealed class MemoryChoices : IAgencyChoiceStore
    {
        private readonly Dictionary<string, AgencyChoice> saved = [];

        public Task<AgencyChoice?> GetAsync(string aadObjectId, CancellationToken cancellationToken) => Task.FromResult(saved.GetValueOrDefault(aadObjectId));

        public Task SaveAsync(string aadObjectId, AgencyChoice choice, CancellationToken cancellationToken)
        {
            saved[aadObjectId] = choice;
            return Task.CompletedTask;
        }

        public Task<bool> ConfirmAsync(string aadObjectId, string agency, string confirmedBy, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<(string AadObjectId, AgencyChoice Choice)>> ListUnconfirmedAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<(string, AgencyChoice)>>([.. saved.Where(p => !p.Value.Confirmed).Select(p => (p.Key, p.Value))]);
    }
}
