using System.Net;
using System.Text;
using CoordinationBot.Graph.Directory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Moq;
using Moq.Protected;

namespace CoordinationBot.IntegrationTests.People;

/// <summary>Unit tests of <see cref="GraphDirectory"/> over Graph's real client, with the HTTP answers scripted.</summary>
public sealed class GraphDirectoryTests
{
    private readonly Mock<HttpMessageHandler> http = new();
    private readonly List<string> requested = [];
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Department_IsTheAgency_ReadOnceThenCached()
    {
        Respond(HttpStatusCode.OK, """{"id":"u1","department":"Sở Tài chính","officeLocation":"Tầng 3"}""");
        var directory = Create();

        var first = await directory.FindAgencyAsync("u1", default);
        var second = await directory.FindAgencyAsync("u1", default);

        Assert.Equal("Sở Tài chính", first.Agency);
        Assert.Equal("Sở Tài chính", second.Agency);
        var request = Assert.Single(requested);
        Assert.Contains("/users/u1", request, StringComparison.Ordinal);
        Assert.Contains("department", Uri.UnescapeDataString(request), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficeLocation_CanBeTheAttribute()
    {
        Respond(HttpStatusCode.OK, """{"id":"u1","department":"Phòng 2","officeLocation":"Công an tỉnh"}""");

        Assert.Equal("Công an tỉnh", (await Create(attribute: "officeLocation").FindAgencyAsync("u1", default)).Agency);
    }

    [Fact]
    public async Task UnknownUser_HasNoAgency()
    {
        Respond(HttpStatusCode.NotFound, """{"error":{"code":"Request_ResourceNotFound","message":"not found"}}""");

        var lookup = await Create().FindAgencyAsync("nobody", default);

        Assert.Null(lookup.Agency);
        Assert.False(lookup.FromCacheBecauseUnavailable);
    }

    [Fact]
    public async Task GraphUnavailable_FallsBackToTheCache_AndSaysSo()
    {
        Respond(HttpStatusCode.OK, """{"id":"u1","department":"Sở Y tế"}""");
        Respond(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"serviceNotAvailable","message":"down"}}""");
        var directory = Create();
        await directory.FindAgencyAsync("u1", default);
        time.Advance(TimeSpan.FromHours(2));

        var lookup = await directory.FindAgencyAsync("u1", default);

        Assert.Equal("Sở Y tế", lookup.Agency);
        Assert.True(lookup.FromCacheBecauseUnavailable);
    }

    private readonly Queue<(HttpStatusCode Status, string Body)> responses = new();

    private void Respond(HttpStatusCode status, string body) => responses.Enqueue((status, body));

    private GraphDirectory Create(string attribute = "department")
    {
        http.Protected().Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ReturnsAsync((HttpRequestMessage request, CancellationToken _) =>
            {
                requested.Add(request.RequestUri!.ToString());
                var (status, body) = responses.Dequeue();
                return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            });
        var client = new GraphServiceClient(new HttpClient(http.Object), new AnonymousAuthenticationProvider());
        return new GraphDirectory(client, new DirectoryOptions { Attribute = attribute }, time, NullLogger<GraphDirectory>.Instance);
    }
}
