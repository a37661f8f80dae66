/// The default conventions, the same text `templates/conventions.csv` ships (a test keeps the two equal).
enum BuiltinConventions {
    static let csv = #"""
kind,value,means
field,ID,id
field,Key,id
field,Ref,id
field,Reference,id
field,#,id
field,No,id
field,WBS,id
field,WBS ID,id
field,Item ID,id
field,Issue Key,id
field,Project ID,id
field,ID Number,id
field,Task ID,id
field,Card ID,id
field,Issue ID,id
field,Type,type
field,Level,type
field,Kind,type
field,Item Type,type
field,Hierarchy,type
field,Work Type,type
field,Issue Type,type
field,Work Item Type,type
field,Title,title
field,Name,title
field,Task Name,title
field,Feature Name,title
field,Work Item,title
field,Summary,title
field,Deliverable,title
field,Item,title
field,Milestone,title
field,Initiative,title
field,Project Name,title
field,Project,title
field,Card Name,title
field,Task,title
field,Objective,objective
field,Goal,objective
field,Strategic Priority,objective
field,Pillar,objective
field,Theme,objective
field,Strategic Objective,objective
field,Strategic Goal,objective
field,OKR,objective
field,Objectives,objective
field,Link to Objectives,objective
field,Linked Objective,objective
field,Linked Objectives,objective
field,Related Objective,objective
field,Connected Objective,objective
field,Parent,parent
field,Parent ID,parent
field,Epic,parent
field,Belongs To,parent
field,Parent Item,parent
field,Parent Ref,parent
field,Part Of,parent
field,Epic Link,parent
field,Custom field (Epic Link),parent
field,Parent Issue,parent
field,Parent Task,parent
field,Epic Title,parent
field,Owner,owner
field,DRI,owner
field,Accountable,owner
field,Lead,owner
field,Assignee,owner
field,Assigned To,owner
field,Responsible,owner
field,SRO,owner
field,Owner Name,owner
field,Project Manager,owner
field,Resource Names,owner
field,Assignees,owner
field,Person,owner
field,Members,owner
field,Project Manager Name,owner
field,Contact,owner
field,Point of Contact,owner
field,POC,owner
field,Team,team
field,Department,team
field,Dept,team
field,SIG,team
field,Function,team
field,Group,team
field,Business Unit,team
field,Org,team
field,Squad,team
field,Status,status
field,RAG,status
field,RAG Status,status
field,Overall Status,status
field,Health,status
field,State,status
field,Delivery Confidence,status
field,DCA,status
field,Confidence,status
field,Delivery Confidence Assessment,status
field,IPA Delivery Confidence Assessment,status
field,Risk Rating,status
field,CIO Rating,status
field,CIO Risk Rating,status
field,CIO Evaluation,status
field,Risk Level,status
field,Risk,status
field,Project Status,status
\#(CellNormalizer.completionHeaderNames.map { "field,\($0),status" }.joined(separator: "\n"))
field,% Complete,progress
field,Progress,progress
field,Percent Done,progress
field,Completion,progress
field,Percent Complete,progress
field,% Done,progress
field,Pct Complete,progress
field,% Progress,progress
field,Start,start
field,Start Date,start
field,Begin,start
field,Begin Date,start
field,Planned Start,start
field,Baseline Start,start
field,Schedule Start Date,start
field,Custom field (Start date),start
field,Planned Start Date,start
field,Planned Project Start Date,start
field,Baseline Start Date,start
field,Timeline - Start,start
field,Due,due
field,Due Date,due
field,Target Date,due
field,Deadline,due
field,Committed Date,due
field,Baseline Finish,due
field,Target End,due
field,Finish,due
field,Finish Date,due
field,Planned Finish,due
field,End Date,due
field,End,due
field,Schedule End Date,due
field,Due On,due
field,Planned Completion Date,due
field,Planned Project Completion Date,due
field,Planned End Date,due
field,Planned Finish Date,due
field,Baseline Finish Date,due
field,Baseline End Date,due
field,Target Completion Date,due
field,Baseline Completion Date,due
field,Baseline Completion,due
field,Baseline Date,due
field,Baseline Due Date,due
field,Original Completion Date,due
field,Original Due Date,due
field,Original Finish Date,due
field,Original End Date,due
field,Original Target Date,due
field,Timeline,due
field,Timeline - End,due
field,Date Range,due
field,Forecast,forecast
field,Projected Finish,forecast
field,ETA,forecast
field,Expected Date,forecast
field,Forecast Date,forecast
field,Forecast Finish,forecast
field,Estimated Finish,forecast
field,Expected Finish,forecast
field,Projected Completion Date,forecast
field,Projected/Actual Project Completion Date,forecast
field,Forecast Completion Date,forecast
field,Forecast End Date,forecast
field,Projected End Date,forecast
field,Estimated Completion Date,forecast
field,Last Updated,updated
field,Updated,updated
field,As Of,updated
field,Last Check-in,updated
field,Updated On,updated
field,Last Update,updated
field,Last Modified,updated
field,Status Date,updated
field,Updated At,updated
field,Updated Date,updated
field,Date Updated,updated
field,Changed Date,updated
field,Last Activity Date,updated
field,Last Edited Time,updated
field,Last Modified Time,updated
field,Depends On,depends-on
field,Predecessors,depends-on
field,Blocked By,depends-on
field,Inward issue link (Blocks),depends-on
field,Dependencies,depends-on
field,Dependency,depends-on
field,Depends,depends-on
field,Weight,weight
field,Priority Weight,weight
field,Weighting,weight
field,Baseline,baseline
field,Baseline Value,baseline
field,Start Value,baseline
field,Target,target
field,Target Value,target
field,Actual,actual
field,Current,actual
field,Current Value,actual
field,Actual Value,actual
field,Latest,actual
field,Unit,unit
field,Units,unit
field,UoM,unit
field,Direction,direction
field,Polarity,direction
field,Better Is,direction
field,Metric Type,direction
field,Notes,notes
field,Comments,notes
field,Commentary,notes
field,Rationale,notes
field,Comment,notes
field,Note,notes
field,Remarks,notes
type,Objective,objective
type,Goal,objective
type,O,objective
type,Key Result,key-result
type,KR,key-result
type,KPI,key-result
type,Key Results,key-result
type,Metric,key-result
type,Outcome,key-result
type,Initiative,initiative
type,Project,initiative
type,Programme,initiative
type,Program,initiative
type,Epic,initiative
type,Workstream,workstream
type,Work Stream,workstream
type,Stream,workstream
type,Feature,workstream
type,Milestone,milestone
type,MS,milestone
type,Gate,milestone
type,Deliverable,milestone
type,Task,task
type,Action,task
type,Story,task
type,Subtask,task
type,Sub-task,task
type,To-do,task
type,Strategic Objective,objective
type,Strategic Goal,objective
type,Work Package,workstream
type,Phase,workstream
type,Stage,workstream
type,Checkpoint,milestone
type,Key Milestone,milestone
type,Activity,task
type,Bug,task
type,Improvement,task
type,User Story,task
type,Product Backlog Item,task
type,Issue,task
type,Sub-project,workstream
type,Objective and Key Result,objective
status,Green,on-track
status,G,on-track
status,On track,on-track
status,On-track,on-track
status,Ontrack,on-track
status,Good,on-track
status,OK,on-track
status,Healthy,on-track
status,In progress,on-track
status,WIP,on-track
status,Doing,on-track
status,Started,on-track
status,Active,on-track
status,Underway,on-track
status,Ongoing,on-track
status,In review,on-track
status,Review,on-track
status,Needs review,on-track
status,Working on it,on-track
status,Amber/Green,on-track
status,A/G,on-track
status,🟢,on-track
status,Amber,at-risk
status,A,at-risk
status,Yellow,at-risk
status,Y,at-risk
status,At risk,at-risk
status,At-risk,at-risk
status,Needs attention,at-risk
status,Watch,at-risk
status,Caution,at-risk
status,🟡,at-risk
status,🟠,at-risk
status,Red,off-track
status,R,off-track
status,Off track,off-track
status,Off-track,off-track
status,Behind,off-track
status,Late,off-track
status,Delayed,off-track
status,Overdue,off-track
status,Critical,off-track
status,Amber/Red,off-track
status,A/R,off-track
status,🔴,off-track
status,Blocked,blocked
status,Stuck,blocked
status,Impeded,blocked
status,⛔,blocked
status,Done,done
status,Complete,done
status,Completed,done
status,Closed,done
status,Shipped,done
status,Accomplished,done
status,Achieved,done
status,Delivered,done
status,Finished,done
status,Released,done
status,Merged,done
status,Resolved,done
status,Live,done
status,✅,done
status,✔,done
status,✓,done
status,☑,done
status,Cancelled,cancelled
status,Canceled,cancelled
status,Dropped,cancelled
status,Won't do,cancelled
status,Wont do,cancelled
status,Will not do,cancelled
status,Abandoned,cancelled
status,Descoped,cancelled
status,Killed,cancelled
status,Removed,cancelled
status,Duplicate,cancelled
status,❌,cancelled
status,On hold,on-hold
status,On-hold,on-hold
status,Paused,on-hold
status,Parked,on-hold
status,Deferred,on-hold
status,Postponed,on-hold
status,Suspended,on-hold
status,⏸,on-hold
status,Not started,not-started
status,Not-started,not-started
status,To do,not-started
status,Todo,not-started
status,To-do,not-started
status,Planned,not-started
status,Backlog,not-started
status,New,not-started
status,Open,not-started
status,Proposed,not-started
status,Triage,not-started
status,Planning,not-started
status,Not yet started,not-started
status,⚪,not-started
status,⬜,not-started
status,In-progress,on-track
status,⚠,at-risk
status,⚠️,at-risk
status,Not applicable,cancelled
status,N/A,cancelled
owner,Platform Team,team
owner,Finance Dept,team
owner,Marketing & Sales,team
owner,Ops/Infra,team
owner,TBD,nobody
owner,TBC,nobody
owner,Unassigned,nobody
owner,Various,team
owner,All,team
owner,Everyone,team
owner,N/A,nobody
owner,-,nobody
owner,?,nobody
owner,None,nobody
owner,Vacant,nobody
owner,R&D,team

"""#
}
