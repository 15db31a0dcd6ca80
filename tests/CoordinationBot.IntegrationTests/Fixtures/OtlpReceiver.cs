using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CoordinationBot.IntegrationTests.Fixtures;

/// <summary>
/// An OTLP/HTTP (protobuf) receiver on loopback: records what exporters post to /v1/traces, /v1/metrics and /v1/logs
/// and reads the span names with their attributes and the metric names out of the protobuf messages.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> posts = new();
    private readonly Task loop;

    private OtlpReceiver(int port)
    {
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        loop = Task.Run(ReceiveAsync);
    }

    public Uri Endpoint { get; }

    public static OtlpReceiver Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new OtlpReceiver(port);
    }

    public IReadOnlyList<string> Paths => [.. posts.Select(p => p.Path)];

    /// <summary>Every span received: its name and string attributes.</summary>
    public IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Attributes)> Spans() =>
        [.. Bodies("/v1/traces")
            .SelectMany(body => Proto.Messages(body, 1)) // ResourceSpans
            .SelectMany(resource => Proto.Messages(resource, 2)) // ScopeSpans
            .SelectMany(scope => Proto.Messages(scope, 2)) // Span
            .Select(span => (Proto.String(span, 5) ?? string.Empty, (IReadOnlyDictionary<string, string>)Proto.Messages(span, 9)
                .Select(kv => (Key: Proto.String(kv, 1), Value: Proto.Messages(kv, 2).Select(v => Proto.String(v, 1)).FirstOrDefault()))
                .Where(kv => kv.Key is not null && kv.Value is not null)
                .GroupBy(kv => kv.Key!)
                .ToDictionary(g => g.Key, g => g.First().Value!)))];

    /// <summary>Every metric name received.</summary>
    public IReadOnlySet<string> MetricNames() =>
        Bodies("/v1/metrics")
            .SelectMany(body => Proto.Messages(body, 1)) // ResourceMetrics
            .SelectMany(resource => Proto.Messages(resource, 2)) // ScopeMetrics
            .SelectMany(scope => Proto.Messages(scope, 2)) // Metric
            .Select(metric => Proto.String(metric, 1) ?? string.Empty)
            .ToHashSet(StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private IEnumerable<byte[]> Bodies(string path) => posts.Where(p => p.Path == path).Select(p => p.Body);

    private async Task ReceiveAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            posts.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    /// <summary>Just enough of the protobuf wire format to walk OTLP messages: varints and length-delimited fields.</summary>
    private static class Proto
    {
        public static IEnumerable<byte[]> Messages(byte[] message, int field) => Fields(message).Where(f => f.Field == field && f.Bytes is not null).Select(f => f.Bytes!);

        public static string? String(byte[] message, int field) => Messages(message, field).Select(b => Encoding.UTF8.GetString(b)).FirstOrDefault();

        private static List<(int Field, byte[]? Bytes)> Fields(byte[] message)
        {
            var fields = new List<(int, byte[]?)>();
            var i = 0;
            while (i < message.Length)
            {
                var key = Varint(message, ref i);
                var field = (int)(key >> 3);
                switch (key & 7)
                {
                    case 0:
                        Varint(message, ref i);
                        fields.Add((field, null));
                        break;
                    case 1:
                        i += 8;
                        fields.Add((field, null));
                        break;
                    case 2:
                        var length = (int)Varint(message, ref i);
                        fields.Add((field, message[i..(i + length)]));
                        i += length;
                        break;
                    case 5:
                        i += 4;
                        fields.Add((field, null));
                        break;
                    default:
                        throw new InvalidDataException($"Wire type {key & 7} is not OTLP.");
                }
            }

            return fields;
        }

        private static ulong Varint(byte[] data, ref int i)
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = data[i++];
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }
        }
    }
}
