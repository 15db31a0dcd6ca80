using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// Questions are acknowledged to the channel as soon as they are authenticated and answered through the connector
/// after: the channel's request never waits on the answer, a chat's answers keep its order, and stopping the host
/// still sends the answers it owes.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class AcknowledgedQuestionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Question = "Ai chủ trì tổ chức Hội nghị tập huấn Thông tin Đối ngoại cấp tỉnh năm 2023?";
    private BotTestContext context = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings());
        using var scope = context.Host.Services.CreateScope();
        var bytes = await File.ReadAllBytesAsync(SharedData.Require("seeds", "004_f4d7285e2bc01f5d.txt"));
        await scope.ServiceProvider.GetRequiredService<ImportPlanHandler>().HandleAsync(new ImportPlanRequest(bytes, "ttdn.txt", "test"), default);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task AQuestion_IsAcknowledgedWhileTheConnectorHasNotTakenItsAnswer_AndTheAnswerFollows()
    {
        long pending = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "coordbot.bot.answers.pending")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref pending, value));
        listener.Start();

        HttpResponseMessage acknowledged;
        using (context.Connector.Hold())
        {
            // Were the answer sent inside the request, this request could not end while the connector holds the answer.
            acknowledged = await context.Client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(context.Connector.ServiceUrl, Question)).WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Single(await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
            Assert.Equal(1, Interlocked.Read(ref pending));
        }

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var answer = Assert.Single(await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 100 && Interlocked.Read(ref pending) != 0; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, Interlocked.Read(ref pending));
        Assert.Contains("Chủ trì: Sở Thông tin và Truyền thông", answer.Activity!.Summary, StringComparison.Ordinal);
        Assert.EndsWith("/activities/1700000000001", answer.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionsInOneChat_AreAnsweredInTheOrderAsked()
    {
        string[] asked = ["q-1", "q-2", "q-3", "q-4", "q-5", "q-6", "q-7", "q-8"];
        foreach (var id in asked)
        {
            var message = TeamsActivities.Message(context.Connector.ServiceUrl, id == "q-4" ? "Nhiệm vụ của tôi là gì?" : Question);
            message["id"] = id;
            Assert.Equal(HttpStatusCode.OK, (await context.Client.PostAsJsonAsync("/api/messages", message)).StatusCode);
        }

        var answers = await context.Connector.WaitForAsync(asked.Length, TimeSpan.FromSeconds(20));

        Assert.Equal(asked, answers.Select(a => a.Path.Split('/')[^1]));
    }

    [Fact]
    public async Task StoppingTheHost_SendsTheAnswersAlreadyAcknowledged()
    {
        var release = context.Connector.Hold();
        foreach (var conversation in new[] { "a:one", "a:two", "a:three" })
        {
            await context.Client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(context.Connector.ServiceUrl, Question, conversation));
        }

        await context.Connector.WaitForAsync(3, TimeSpan.FromSeconds(10));
        var stopping = context.Host.DisposeAsync().AsTask();
        await Task.Delay(300);
        Assert.False(stopping.IsCompleted, "the host stopped without waiting for the answers it owes");
        release.Dispose();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        var answers = context.Connector.Requests.ToArray();
        Assert.Equal(["a:one", "a:three", "a:two"], answers.Where(a => a.Status == 200).Select(a => a.Activity!.Conversation!.Id!).Order(StringComparer.Ordinal));
        Assert.All(answers, a => Assert.Contains("Chủ trì: Sở Thông tin và Truyền thông", a.Activity!.Summary, StringComparison.Ordinal));
    }
}
