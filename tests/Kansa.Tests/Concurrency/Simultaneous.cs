namespace Kansa.Tests.Concurrency;

/// <summary>Requests sent at the same instant: every one is ready and waits on one gate, which then opens.</summary>
public static class Simultaneous
{
    /// <summary>Sends <paramref name="count"/> requests at once and returns every answer, in the order of their index.</summary>
    public static async Task<HttpResponseMessage[]> SendAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await send(i);
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(requests);
    }

    /// <summary>The number of answers with a status.</summary>
    public static int Count(this IEnumerable<HttpResponseMessage> answers, System.Net.HttpStatusCode status) =>
        answers.Count(a => a.StatusCode == status);
}
