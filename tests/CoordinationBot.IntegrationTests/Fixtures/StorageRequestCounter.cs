using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CoordinationBot.IntegrationTests.Fixtures;

/// <summary>An Azure.Core pipeline policy that records every request the tables client sends ("METHOD /path").</summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> requests = new();

    public IReadOnlyList<string> Requests => [.. requests];

    public int Count => requests.Count;

    public void Clear() => requests.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.Request.Uri.ToUri();
        requests.Enqueue($"{message.Request.Method} {Uri.UnescapeDataString(uri.AbsolutePath)}{Uri.UnescapeDataString(uri.Query)}");
    }
}
