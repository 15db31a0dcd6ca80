using System.Net;

namespace CoordinationBot.Host.Apis;

/// <summary>
/// The address the request came from, as the socket saw it. With forwarded headers enabled
/// (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>) ASP.NET Core replaces the remote address with the client's claim and keeps
/// the socket's in <c>X-Original-For</c>; a request that went through a proxy is never taken for a local one.
/// </summary>
public static class CallerAddress
{
    public static IPAddress? Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var headers = http.Request.Headers;
        if (headers.ContainsKey("X-Original-For") || headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("Forwarded"))
        {
            var original = headers["X-Original-For"].ToString();
            return !IPEndPoint.TryParse(original, out var socket) ? null
                : IPAddress.IsLoopback(socket.Address) ? null : socket.Address;
        }

        return http.Connection.RemoteIpAddress;
    }
}
