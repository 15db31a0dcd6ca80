using CoordinationBot.Core.Consolidation;
using CoordinationBot.Host.Features.Consolidation;

namespace CoordinationBot.Host.Apis;

/// <summary><c>GET /files/{id}?exp&amp;sig</c>: a generated report, only through a valid, unexpired signed link.</summary>
public static class FilesApi
{
    public static IEndpointRouteBuilder MapFilesApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/files").MapGet("/{id}", GetAsync);
        return app;
    }

    public static async Task<IResult> GetAsync(string id, string? exp, string? sig, FileLinks links, IReportFileStore files, CancellationToken cancellationToken)
    {
        if (!links.IsValid(id, exp, sig))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var file = await files.GetAsync(id, cancellationToken);
        return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
