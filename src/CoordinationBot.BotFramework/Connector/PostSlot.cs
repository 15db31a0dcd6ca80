namespace CoordinationBot.BotFramework.Connector;

/// <summary>
/// One of a caller's places for a post that may be on its way to Teams. The connector takes it before each attempt and
/// frees it when Teams throttles (429: nothing was taken) — so a Retry-After wait holds up no other post — and keeps
/// it after any other answer (the post may have arrived) for the caller to free once the post is recorded.
/// </summary>
public sealed class PostSlot(SemaphoreSlim places)
{
    private bool held;

    public async ValueTask TakeAsync(CancellationToken cancellationToken)
    {
        if (!held)
        {
            await places.WaitAsync(cancellationToken);
            held = true;
        }
    }

    public void Free()
    {
        if (held)
        {
            held = false;
            places.Release();
        }
    }
}
