#!/usr/bin/env bash
# send one questionnaire (or stop after the structure with "draft") to the old release
set -euo pipefail
B=$1; EMAIL=$2; NAME=$3; MODE=${4:-send}
J=$(mktemp)
field() { grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//;s/"$//'; }
page=$(curl -s -c $J -b $J "$B/recensement")
csrf=$(echo "$page" | field _csrf); debut=$(echo "$page" | field debut)
sleep 3
page=$(curl -s -L -c $J -b $J --data-urlencode "email=$EMAIL" --data-urlencode "debut=$debut" --data-urlencode "_csrf=$csrf" "$B/recensement/commencer")
csrf=$(echo "$page" | field _csrf)
page=$(curl -s -L -c $J -b $J --data-urlencode "name=$NAME" --data-urlencode "acronym=" --data-urlencode "actorType=association-solidarite-internationale" \
  --data-urlencode "siret=" --data-urlencode "rna=" --data-urlencode "addressLine=12 rue Nationale" --data-urlencode "postalCode=59000" \
  --data-urlencode "communeName=Lille" --data-urlencode "communeInsee=" --data-urlencode "website=www.asso-upgrade.example" --data-urlencode "email=$EMAIL" \
  --data-urlencode "phone=03 20 00 00 00" --data-urlencode "description=Une association créée par le questionnaire de l'ancienne version." \
  --data-urlencode "foundingYear=2001" --data-urlencode "_csrf=$csrf" "$B/recensement/structure")
[ "$MODE" = draft ] && { echo "draft saved"; exit 0; }
csrf=$(echo "$page" | field _csrf)
page=$(curl -s -L -c $J -b $J --data-urlencode "contacts[0].fullName=Dominique Ancienne" --data-urlencode "contacts[0].role=Présidente" \
  --data-urlencode "contacts[0].email=$EMAIL" --data-urlencode "contacts[0].publishName=true" --data-urlencode "_contacts[0].publishName=on" \
  --data-urlencode "_contacts[0].publishEmail=on" --data-urlencode "_contacts[0].publishPhone=on" --data-urlencode "action=suivant" --data-urlencode "_csrf=$csrf" "$B/recensement/contacts")
page=$(curl -s -L -c $J -b $J "$B/recensement/relecture")
csrf=$(echo "$page" | field _csrf)
sleep 21
curl -s -L -o /dev/null -w '%{http_code} %{url_effective}\n' -c $J -b $J --data-urlencode "publication=oui" --data-urlencode "email=$EMAIL" --data-urlencode "_csrf=$csrf" "$B/recensement/envoi"
