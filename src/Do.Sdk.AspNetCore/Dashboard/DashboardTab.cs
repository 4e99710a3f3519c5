namespace Do.AspNetCore.Dashboard;

/// <summary>The tabs of one object's pages, in the order the navigation shows them.</summary>
internal enum DashboardTab
{
    Things,
    Branches,
    Actions,
    Events,
    DeadLetters,
    Schedules,
    Approvals,
}
