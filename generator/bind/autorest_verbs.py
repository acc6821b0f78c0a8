"""Which word of an operationId is the action, and which PowerShell verb it becomes.

`VERB_MAPPING` is autorest.powershell's default `verb-mapping` (its `powershell/readme.md`): the
operationId method (or one word of it) → the cmdlet verb; a module's configuration adds to it or
overrides entries. A method with no entry becomes `Invoke` (create-commands-v2.ts,
`getPowerShellVerb`).

`ENGLISH_VERBS` stands in for autorest.powershell's `internal/verbs.ts`, an ~8,000-word list of English
verbs it uses only to tell which word of a multi-word method is the action (`GetFDEKey`: `get`;
`PasswordReset`: `reset`). This is our own, shorter list: every verb-mapping key, the approved PowerShell
verbs and the verbs found in REST operation names. A method whose words are all missing from it still
gets the source's fallback (its first word is the action), so the two can differ only for a method of
several words whose first word is a verb the source knows and this list does not.
"""

from __future__ import annotations

VERB_MAPPING: dict[str, str] = dict(pair.split(":") for pair in """
Access:Get Acquire:Get Activate:Initialize Add:Add Allocate:New Analyze:Test Append:Add Apply:Add Approve:Approve
Assert:Assert Assign:Set Associate:Join Attach:Add Authorize:Grant Backup:Backup Block:Block Build:Build Bypass:Skip
Cancel:Stop Capture:Export Cat:Get Change:Rename Check:Test Checkpoint:Checkpoint Clear:Clear Clone:Copy Close:Close
Combine:Join Compare:Compare Compile:Build Complete:Complete Compress:Compress Concatenate:Add Configure:Set
Confirm:Confirm Connect:Connect Convert:Convert ConvertFrom:ConvertFrom ConvertTo:ConvertTo Copy:Copy Create:New
Cut:Remove Debug:Debug Delete:Remove Deny:Deny Deploy:Deploy Dir:Get Disable:Disable Discard:Remove
Disconnect:Disconnect Discover:Find Dismount:Dismount Display:Show Dispose:Remove Dump:Get Duplicate:Copy Edit:Edit
Enable:Enable End:Stop Enter:Enter Erase:Clear Evaluate:Test Examine:Get Execute:Invoke Exit:Exit Expand:Expand
Export:Export Failover:Set Find:Find Finish:Complete Flush:Clear ForceReboot:Restart Format:Format Generalize:Reset
Generate:New Get:Get Grant:Grant Group:Group Hide:Hide Import:Import Initialize:Initialize Insert:Add Install:Install
Into:Enter Invoke:Invoke Is:Test Join:Join Jump:Skip Limit:Limit List:Get Load:Import Locate:Find Lock:Lock Make:New
Measure:Measure Merge:Merge Migrate:Move Mount:Mount Move:Move Name:Move New:New Notify:Send Nullify:Clear
Obtain:Get Open:Open Optimize:Optimize Out:Out Patch:Update Pause:Suspend Perform:Invoke Ping:Ping Pop:Pop
Post:Invoke Power:Start PowerOff:Stop PowerOn:Start Produce:Show Protect:Protect Provision:New Publish:Publish
Purge:Clear Push:Push Put:Set Read:Read Reassociate:Move Reboot:Restart Receive:Receive Recover:Restore Redo:Redo
Refresh:Update Regenerate:New Register:Register Reimage:Update Release:Publish Remove:Remove Rename:Rename
Repair:Repair Replace:Update Replicate:Copy Reprocess:Update Request:Request Reset:Reset Resize:Resize
Resolve:Resolve Restart:Restart Restore:Restore Restrict:Lock Resubmit:Submit Resume:Resume Retarget:Update
Retrieve:Get Revoke:Revoke Run:Start Save:Save Search:Search Secure:Lock Select:Select Send:Send Separate:Split
Set:Set Show:Show Shutdown:Stop Skip:Skip Split:Split Start:Start Step:Step Stop:Stop Submit:Submit Suggest:Get
Suspend:Suspend Swap:Switch Switch:Switch Sync:Sync Synch:Sync Synchronize:Sync Test:Test Trace:Trace Transfer:Move
Trigger:Start Type:Get Unblock:Unblock Undelete:Restore Undo:Undo Uninstall:Uninstall Unite:Join Unlock:Unlock
Unmark:Clear Unprotect:Unprotect Unpublish:Unpublish Unregister:Unregister Unrestrict:Unlock Unsecure:Unlock
Unset:Clear Update:Update Upgrade:Update Use:Use Validate:Test Verify:Test Wait:Wait Watch:Watch Wipe:Clear
Write:Write
""".split())

_APPROVED = """
add approve assert backup block build checkpoint clear close compare complete compress confirm connect convert copy
debug deny deploy disable disconnect dismount edit enable enter exit expand export find format get grant group hide
import initialize install invoke join limit lock measure merge mount move new open optimize out ping pop protect
publish push read receive redo register remove rename repair request reset resize resolve restart restore resume
revoke save search select send set show skip split start step stop submit suspend switch sync test trace unblock undo
uninstall unlock unprotect unpublish unregister update use wait watch write
"""

_REST = """
accept acknowledge activate adjust allocate allow analyze append apply archive assign associate attach audit
authenticate authorize batch begin bind book boot break browse calculate call cancel capture change check claim
clean clone collect combine commit compile compute configure consume contain count create cut deactivate decline
decode decommission decrypt delete deliver deprovision describe detach detect disassociate discard discover dismiss
dispatch display dispose download draft drain drop dump duplicate eject elevate email encode encrypt end enqueue
enroll ensure erase escalate estimate evaluate evict examine exchange exclude execute expire extend extract fail
failover fetch fill filter finish fire fix flag flush follow force forget forward freeze generate give handle hold
ignore include increase increment index inform initiate insert inspect invalidate invite issue jump keep kill launch
leave link list load locate log login logout lookup make manage map mark match migrate modify monitor mute name
notify obtain offboard onboard order override overwrite parse patch pause perform pin place play poll post power
predict prepare preview print process produce promote provision pull purge put query queue quit reassign reassociate
reboot rebuild recall reclaim recognize reconcile reconnect recover redeem redeploy redirect refresh regenerate
reimage reject release reload renew reorder replace replicate reply report reprocess require reschedule rescind
restrict resubmit retarget retire retrieve retry return reveal revert review rollback rotate route run scale scan
schedule score secure seek separate share shift shutdown sign simulate sleep snapshot sort stream subscribe suggest
summarize swap synch synchronize tag take terminate throttle toggle touch track train transfer transform translate
trigger truncate trust type unarchive unassign undelete unenroll unite unlink unmark unmount unpin unrestrict
unsecure unset unsubscribe upgrade upload upsert validate verify view wake wipe
"""

ENGLISH_VERBS: frozenset[str] = frozenset(
    {key.lower() for key in VERB_MAPPING} | set(_APPROVED.split()) | set(_REST.split())
)


def is_verb(word: str) -> bool:
    return word.lower() in ENGLISH_VERBS
