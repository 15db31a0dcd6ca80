using Azure.Core;

namespace CoordinationBot.Storage.Tables;

/// <summary>
/// The service's continuation (<c>x-ms-continuation-NextPartitionKey</c> / <c>-NextRowKey</c>) as one opaque token
/// "partition row" (row may be empty), and back into the next request's query.
/// </summary>
internal static class TableContinuation
{
    public static string? FromHeaders(ResponseHeaders headers)
    {
        headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var partition);
        headers.TryGetValue("x-ms-continuation-NextRowKey", out var row);
        return string.IsNullOrEmpty(partition) ? null : partition + " " + row;
    }

    public static IEnumerable<string> ToQuery(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            yield break;
        }

        var parts = token.Split(' ', 2);
        yield return "NextPartitionKey=" + Uri.EscapeDataString(parts[0]);
        if (parts.Length == 2 && parts[1].Length > 0)
        {
            yield return "NextRowKey=" + Uri.EscapeDataString(parts[1]);
        }
    }
}
